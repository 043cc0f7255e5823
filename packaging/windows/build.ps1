# Builds the Windows installer: venv, PyInstaller one-folder build, self-test of the frozen app,
# NSIS installer. Run from the repository root in PowerShell on 64-bit Windows with Python 3.11+
# and NSIS 3 (makensis on PATH, or set $env:MAKENSIS):
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Signing: set $env:SIGN_COMMAND to a signtool command line without the file name, e.g.
#   $env:SIGN_COMMAND = 'signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a'
# and both executables, the installer and its uninstaller are signed (see packaging/README.md).
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

function Invoke-Step([string]$what, [scriptblock]$command) {
    Write-Host "==> $what"
    & $command
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" }
}

# $env:PYTHON names an interpreter (e.g. "python" on CI); by default the py launcher's Python 3.
$python = if ($env:PYTHON) { @($env:PYTHON) } else { @("py", "-3") }
Invoke-Step "virtual environment" { & $python[0] @($python | Select-Object -Skip 1) -m venv .venv-build }
$venvPython = Join-Path $root ".venv-build\Scripts\python.exe"
Invoke-Step "install the app and PyInstaller" { & $venvPython -m pip install --upgrade pip "." "pyinstaller>=6.10" }
Invoke-Step "PyInstaller one-folder build" {
    & $venvPython -m PyInstaller --noconfirm --distpath dist --workpath build packaging\bci_showroom.spec
}

$app = Join-Path $root "dist\bci-showroom"
if ($env:SIGN_COMMAND) {
    foreach ($exe in @("bci-showroom.exe", "bci-showroom-console.exe")) {
        Invoke-Step "sign $exe" { cmd /c "$env:SIGN_COMMAND `"$(Join-Path $app $exe)`"" }
    }
}
Invoke-Step "self-test of the frozen app" {
    & (Join-Path $app "bci-showroom-console.exe") --self-test (Join-Path $root "dist\self-test.json")
}

$version = & $venvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
$makensis = if ($env:MAKENSIS) { $env:MAKENSIS } else { "makensis" }
$nsisArgs = @("-DVERSION=$version", "-DBUILD_DIR=$app", "-DOUT_DIR=$(Join-Path $root 'dist')")
if ($env:SIGN_COMMAND) { $nsisArgs += "-DSIGN_COMMAND=$env:SIGN_COMMAND" }
Invoke-Step "NSIS installer" { & $makensis @nsisArgs packaging\windows\installer.nsi }
Get-ChildItem dist\*.exe | ForEach-Object { "{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
