; BCI Showroom installer (NSIS 3). Installs the PyInstaller one-folder build for all users.
;
;   makensis -DVERSION=0.1.0 -DBUILD_DIR=C:\src\bci-showroom\dist\bci-showroom -DOUT_DIR=C:\src\bci-showroom\dist ^
;            packaging\windows\installer.nsi
;
; BUILD_DIR and OUT_DIR must be absolute: makensis resolves relative paths against this script's folder.
; Optional: -DSIGN_COMMAND="signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /a"
; signs the installer and the uninstaller it writes (see packaging/README.md). -DCOMPRESSOR=zlib
; compiles faster than the default LZMA (CI uses it only to check that the script compiles).

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef BUILD_DIR
  !error "pass -DBUILD_DIR=path\to\dist\bci-showroom (the PyInstaller one-folder build)"
!endif
!ifndef OUT_DIR
  !define OUT_DIR "."
!endif
!ifdef COMPRESSOR
  SetCompressor /SOLID ${COMPRESSOR}
!else
  SetCompressor /SOLID lzma
!endif
!ifdef SIGN_COMMAND
  !finalize '${SIGN_COMMAND} "%1"'
  !uninstfinalize '${SIGN_COMMAND} "%1"'
!endif

!define APP_NAME "BCI Showroom"
!define APP_EXE "bci-showroom.exe"
!define PUBLISHER "BCI Showroom"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BCIShowroom"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define RUN_VALUE "BCIShowroomKiosk"

Name "${APP_NAME} ${VERSION}"
; Not "setup.exe": Windows' installer detection treats that name specially.
OutFile "${OUT_DIR}\BCI-Showroom-${VERSION}-win64-installer.exe"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString DESC_APP ${LANG_ENGLISH} "The app, its demos and BrainFlow's drivers (required)."
LangString DESC_APP ${LANG_SIMPCHINESE} "程序、演示和 BrainFlow 驱动（必需）。"
LangString DESC_DESKTOP ${LANG_ENGLISH} "A shortcut on every user's desktop."
LangString DESC_DESKTOP ${LANG_SIMPCHINESE} "为所有用户在桌面创建快捷方式。"
LangString DESC_KIOSK ${LANG_ENGLISH} "Start BCI Showroom full screen (kiosk mode) when anyone logs on."
LangString DESC_KIOSK ${LANG_SIMPCHINESE} "任何用户登录时以全屏（展台模式）启动脑机接口体验厅。"
LangString NEEDS_64BIT ${LANG_ENGLISH} "BCI Showroom needs 64-bit Windows."
LangString NEEDS_64BIT ${LANG_SIMPCHINESE} "脑机接口体验厅需要 64 位 Windows。"
LangString KEEP_DATA ${LANG_ENGLISH} "Also remove the settings and logs of BCI Showroom for your user account?$\n(Choose No to keep them for a later installation.)"
LangString KEEP_DATA ${LANG_SIMPCHINESE} "是否同时删除当前用户的脑机接口体验厅设置和日志？$\n（选择“否”可保留，供以后安装使用。）"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(NEEDS_64BIT)"
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!${APP_NAME}" SecApp
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${BUILD_DIR}\*"
  File "watchdog.ps1"  ; beside this script (makensis resolves relative paths against it)
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME} (kiosk).lnk" "$INSTDIR\${APP_EXE}" "--kiosk"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME} self-test.lnk" "$INSTDIR\bci-showroom-console.exe" "--self-test"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\Uninstall ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Desktop shortcut" SecDesktop
  SetShellVarContext all
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

Section /o "Start in kiosk mode at logon" SecKiosk
  ; The watchdog starts the kiosk and restarts it when it crashes (see watchdog.ps1).
  WriteRegStr HKLM "${RUN_KEY}" "${RUN_VALUE}" 'powershell.exe -NoProfile -WindowStyle Hidden -ExecutionPolicy Bypass -File "$INSTDIR\watchdog.ps1"'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(DESC_APP)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DESC_DESKTOP)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecKiosk} "$(DESC_KIOSK)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  DeleteRegValue HKLM "${RUN_KEY}" "${RUN_VALUE}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"

  ; Settings and logs live in the user's profile (Qt: AppData\Local\BCI Showroom\bci-showroom).
  ; Silent uninstalls (/S) keep them.
  SetShellVarContext current
  MessageBox MB_YESNO|MB_ICONQUESTION "$(KEEP_DATA)" /SD IDNO IDNO keep_data
    RMDir /r "$LOCALAPPDATA\BCI Showroom"
    RMDir /r "$APPDATA\BCI Showroom"
  keep_data:
SectionEnd
