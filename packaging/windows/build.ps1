# Faaliyet on Windows: bundle, smoke checks, signing, installer. NOT RUN YET: there was no
# Windows machine where this script was written (see packaging/README.md); its parts that can
# be checked on Linux are (tests/test_packaging_windows.py).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Sign] [-SkipInstaller]
#
# Needs: Python 3.11 and uv on PATH; Inno Setup 6.3+ (ISCC.exe); for -Sign the Windows SDK's
# signtool.exe and a code-signing certificate given by environment variables:
#   FAALIYET_SIGN_PFX       path of the .pfx file            (or FAALIYET_SIGN_THUMBPRINT: a
#   FAALIYET_SIGN_PASSWORD  its password                       certificate in the user's store)
#   FAALIYET_SIGN_TIMESTAMP timestamp server (default http://timestamp.digicert.com)
# Steps: 1 bundle (PyInstaller, with the version resources from pyproject.toml), 2 frozen demo
# PDF, 3 window start/close offscreen, 4 sign the two exes, 5 installer (signed with -Sign).

[CmdletBinding()]
param(
    [switch]$Sign,
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Step($text) { Write-Host "== $text" -ForegroundColor Cyan }
function Check($ok, $text) { if (-not $ok) { throw "BAŞARISIZ: $text" } }

# The one version: pyproject.toml's, read the way packaging\version_info.py reads it.
$Version = (uv run python -c "import sys; sys.path.insert(0, 'packaging'); import version_info as v; print(v.project_version())").Trim()
$FileVersion = (uv run python -c "import sys; sys.path.insert(0, 'packaging'); import version_info as v; print('.'.join(map(str, v.numeric(v.project_version()))))").Trim()
Step "Faaliyet $Version ($FileVersion)"

Step "1. Paket (PyInstaller)"
uv sync --locked --group packaging
Check ($LASTEXITCODE -eq 0) "uv sync"
uv run python packaging\build.py --check
Check ($LASTEXITCODE -eq 0) "packaging\build.py --check (paket, dondurulmuş demo, pencere)"
$Bundle = Join-Path $Root "dist\faaliyet"
$Gui = Join-Path $Bundle "faaliyet.exe"
$Cli = Join-Path $Bundle "faaliyet-cli.exe"
Check (Test-Path $Gui) "dist\faaliyet\faaliyet.exe yok"
Check (Test-Path $Cli) "dist\faaliyet\faaliyet-cli.exe yok"

Step "2. Dondurulmuş demo (faaliyet-cli demo)"
$Work = Join-Path $env:TEMP ("faaliyet-check-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
& $Cli demo --workdir (Join-Path $Work "demo") --out (Join-Path $Work "demo.pdf")
Check ($LASTEXITCODE -eq 0 -and (Test-Path (Join-Path $Work "demo.pdf"))) "faaliyet-cli demo"
$Reported = (& $Cli --version).Trim()
Check ($Reported -eq "faaliyet $Version") "faaliyet-cli --version: '$Reported', beklenen 'faaliyet $Version'"

Step "3. Pencere açılıp kapanıyor (offscreen ve gerçek masaüstü)"
foreach ($platform in @("offscreen", "windows")) {
    $env:QT_QPA_PLATFORM = $platform
    $env:FAALIYET_SMOKE_MS = "1500"
    $env:FAALIYET_LOG_DIR = Join-Path $Work "logs"
    $p = Start-Process -FilePath $Gui -PassThru -Wait
    Check ($p.ExitCode -eq 0) "faaliyet.exe ($platform) çıkış kodu $($p.ExitCode)"
    Check (Test-Path (Join-Path $Work "logs\faaliyet.log")) "günlük dosyası yazılmadı ($platform)"
}
Remove-Item Env:QT_QPA_PLATFORM, Env:FAALIYET_SMOKE_MS, Env:FAALIYET_LOG_DIR
$Info = (Get-Item $Gui).VersionInfo
Check ($Info.ProductVersion -eq $Version) "faaliyet.exe sürüm bilgisi '$($Info.ProductVersion)'"

function SignFile($path) {
    $stamp = if ($env:FAALIYET_SIGN_TIMESTAMP) { $env:FAALIYET_SIGN_TIMESTAMP } else { "http://timestamp.digicert.com" }
    $signArgs = @("sign", "/fd", "SHA256", "/tr", $stamp, "/td", "SHA256", "/d", "Faaliyet")
    if ($env:FAALIYET_SIGN_PFX) { $signArgs += @("/f", $env:FAALIYET_SIGN_PFX, "/p", $env:FAALIYET_SIGN_PASSWORD) }
    elseif ($env:FAALIYET_SIGN_THUMBPRINT) { $signArgs += @("/sha1", $env:FAALIYET_SIGN_THUMBPRINT) }
    else { throw "İmza için FAALIYET_SIGN_PFX (ve FAALIYET_SIGN_PASSWORD) ya da FAALIYET_SIGN_THUMBPRINT verin." }
    & signtool.exe @signArgs $path
    Check ($LASTEXITCODE -eq 0) "signtool sign $path"
    & signtool.exe verify /pa $path
    Check ($LASTEXITCODE -eq 0) "signtool verify $path"
}

if ($Sign) {
    Step "4. Programları imzala (kurulum paketlenmeden önce)"
    SignFile $Gui
    SignFile $Cli
}

if (-not $SkipInstaller) {
    Step "5. Kurulum programı (Inno Setup)"
    $Iscc = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    Check $Iscc "ISCC.exe bulunamadı: Inno Setup 6.3 veya üstünü kurun"
    $IsccArgs = @("/DAppVersion=$Version", "/DFileVersion=$FileVersion")
    if ($Sign) {
        $SignCmd = "signtool.exe sign /fd SHA256 /tr " + $(if ($env:FAALIYET_SIGN_TIMESTAMP) { $env:FAALIYET_SIGN_TIMESTAMP } else { "http://timestamp.digicert.com" }) + " /td SHA256 /d Faaliyet "
        if ($env:FAALIYET_SIGN_PFX) { $SignCmd += "/f `$q$($env:FAALIYET_SIGN_PFX)`$q /p $($env:FAALIYET_SIGN_PASSWORD) `$f" }
        else { $SignCmd += "/sha1 $($env:FAALIYET_SIGN_THUMBPRINT) `$f" }
        $IsccArgs += @("/DSign", "/Sfaaliyetsign=$SignCmd")
    }
    & $Iscc @IsccArgs "packaging\windows\faaliyet.iss"
    Check ($LASTEXITCODE -eq 0) "ISCC"
    $Setup = Join-Path $Root "dist\Faaliyet-Kurulum-$Version.exe"
    Check (Test-Path $Setup) "$Setup yok"
    Write-Host "Kurulum programı: $Setup"
}

Remove-Item -Recurse -Force $Work
Step "Bitti"
