; Inno Setup script for Faaliyet (Inno Setup 6.3+).
; Per user by default, without administrator rights, into %LOCALAPPDATA%\Programs\Faaliyet;
; per machine into Program Files (what AppLocker's default rules allow) with /ALLUSERS on the
; command line or "Install for all users" in the dialog; adds a Start-menu entry; associates
; .faaliyet files with Faaliyet (HKCU per user, HKLM per machine); uninstalling removes the
; program only: users' .faaliyet files, reports, settings and logs stay.
;
; Build (see packaging/README.md; packaging/windows/build.ps1 does all of it): first the
; PyInstaller bundle in dist\faaliyet, then
;   iscc /DAppVersion=0.1.0 packaging\windows\faaliyet.iss
; Silent install and uninstall (SCCM, Intune, GPO):
;   Faaliyet-Kurulum-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS    (per machine)
;   Faaliyet-Kurulum-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER (per user)
;   "C:\Program Files\Faaliyet\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART

#define AppName "Faaliyet"
#ifndef AppVersion
  ; build.ps1 passes pyproject.toml's version; this default is only for a hand-run iscc
  #define AppVersion "0.1.0"
#endif
#ifndef FileVersion
  ; four numbers for the version resource (build.ps1: 1.2.0rc1 -> 1.2.0.0)
  #define FileVersion AppVersion
#endif
#define AppPublisher "Faaliyet"
#define AppExe "faaliyet.exe"
#define Root ".."

[Setup]
AppId={{6F1B9C2E-4A53-4B8E-9E0C-FAA1A0F2C0DE}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
; {autopf}: %LOCALAPPDATA%\Programs per user, Program Files per machine
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; Qt 6 runs on Windows 10 1809 (build 17763) and later
MinVersion=10.0.17763
OutputDir={#Root}\..\dist
OutputBaseFilename=Faaliyet-Kurulum-{#AppVersion}
SetupIconFile={#Root}\..\resources\icons\faaliyet.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
#ifdef Sign
; build.ps1 -Sign passes /DSign and /Sfaaliyetsign="signtool.exe sign ... $f": the installer and
; its uninstaller are signed with the institution's certificate (the exes were signed before)
SignTool=faaliyetsign
SignedUninstaller=yes
#endif

[Languages]
Name: "turkish"; MessagesFile: "compiler:Languages\Turkish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the program folder's _internal\ whole: files an older version shipped and
; this one does not (a library renamed or left out) would otherwise stay and be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\..\dist\faaliyet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; File association under HKA: HKCU\Software\Classes per user (no administrator rights),
; HKLM\Software\Classes per machine (every user of the PC).
; .faaliyet: on uninstall our value goes, and the key too unless another program put something in it.
Root: HKA; Subkey: "Software\Classes\.faaliyet"; ValueType: string; ValueName: ""; ValueData: "Faaliyet.Dosya"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\Faaliyet.Dosya"; ValueType: string; ValueName: ""; ValueData: "Faaliyet dosyası"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Faaliyet.Dosya\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Faaliyet.Dosya\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] is deliberately empty: only files the installer put in {app} are removed;
; department files (.faaliyet), reports and settings in the user's folders are never touched.
