# Keeps the kiosk running: starts BCI Showroom in kiosk mode and starts it again within 2 s when it
# exits with a non-zero code (a crash: Python's fault handler, a fatal Qt error, a killed process).
# Exit code 0 means staff quit from the staff console (or a second start found the showroom
# already running): the watchdog stops too. Installed beside bci-showroom.exe; the installer's
# "Start in kiosk mode at logon" runs it. Restarts are logged to %LOCALAPPDATA%\BCI Showroom\watchdog.log.
param([string]$App = (Join-Path $PSScriptRoot "bci-showroom.exe"))

$log = Join-Path $env:LOCALAPPDATA "BCI Showroom\watchdog.log"
New-Item -ItemType Directory -Force -Path (Split-Path $log) | Out-Null
while ($true) {
    $process = Start-Process -FilePath $App -ArgumentList "--kiosk" -PassThru -Wait
    $code = $process.ExitCode
    if ($code -eq 0) {
        Add-Content $log "$(Get-Date -Format s) showroom closed by staff (exit 0); watchdog stops"
        break
    }
    Add-Content $log "$(Get-Date -Format s) showroom exited with code $code; restarting"
    Start-Sleep -Seconds 2
}
