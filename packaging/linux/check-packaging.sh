#!/bin/sh
# CI's packaging check on Linux: build the one-folder app with PyInstaller, run the frozen app's
# self-test, and compile the Windows installer script with Debian's makensis over that build
# (PyInstaller does not cross-compile, so the real .exe is built on Windows by build.ps1).
# Run from the repository root after the README's test command (it uses .venv).
set -eu
if ! command -v makensis >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get install -y -qq --no-install-recommends nsis >/dev/null
fi
VERSION=$(.venv/bin/python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
rm -rf build/dist build/pyinstaller
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/pyinstaller \
    packaging/bci_showroom.spec
QT_QPA_PLATFORM=offscreen build/dist/bci-showroom/bci-showroom-console --self-test build/self-test.json
# zlib: this compile checks the script; the Windows build uses the script's default, LZMA.
# Absolute paths: makensis resolves relative ones against the script's own folder.
makensis -V2 -DVERSION="$VERSION" -DBUILD_DIR="$PWD/build/dist/bci-showroom" -DOUT_DIR="$PWD/build" \
    -DCOMPRESSOR=zlib packaging/windows/installer.nsi
echo "one-folder build: $(du -sh build/dist/bci-showroom | cut -f1); installer (zlib, Linux payload):" \
    "$(du -h build/BCI-Showroom-"$VERSION"-win64-installer.exe | cut -f1)"
