; Inno Setup script for Faaliyet (Inno Setup 6).
; Installs per user, without administrator rights, into %LOCALAPPDATA%\Programs\Faaliyet;
; adds a Start-menu entry; associates .faaliyet files with Faaliyet for this user;
; uninstalling removes the program only: users' .faaliyet files and reports stay.
;
; Build (see packaging/README.md): first the PyInstaller bundle in dist\faaliyet, then
;   iscc packaging\windows\faaliyet.iss

#define AppName "Faaliyet"
#define AppVersion "0.1.0"
#define AppPublisher "Faaliyet"
#define AppExe "faaliyet.exe"
#define Root ".."

[Setup]
AppId={{6F1B9C2E-4A53-4B8E-9E0C-FAA1A0F2C0DE}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
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

[Languages]
Name: "turkish"; MessagesFile: "compiler:Languages\Turkish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Root}\..\dist\faaliyet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; Per-user file association (HKCU\Software\Classes): no administrator rights needed.
; .faaliyet: on uninstall our value goes, and the key too unless another program put something in it.
Root: HKCU; Subkey: "Software\Classes\.faaliyet"; ValueType: string; ValueName: ""; ValueData: "Faaliyet.Dosya"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\Faaliyet.Dosya"; ValueType: string; ValueName: ""; ValueData: "Faaliyet dosyası"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Faaliyet.Dosya\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\Faaliyet.Dosya\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] is deliberately empty: only files the installer put in {app} are removed;
; department files (.faaliyet), reports and settings in the user's folders are never touched.
