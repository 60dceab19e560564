; SPDX-License-Identifier: GPL-3.0-or-later
; The Windows installer. build-msys2.sh (or the test) defines:
;   VERSION  the version meson builds, e.g. 0.1.0
;   LISTS    the folder with install-files.nsh and uninstall-files.nsh
;            (nsis-file-lists.py), which name every file of the payload
;   OUTFILE  where to write the installer
;   ICON     optional: the .ico made from the app's SVG
;   LICENSE  the licence shown before installing (COPYING)

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "define VERSION (see the top of this file)"
!endif
!ifndef LISTS
  !error "define LISTS (see the top of this file)"
!endif
!ifndef OUTFILE
  !error "define OUTFILE (see the top of this file)"
!endif
!ifndef LICENSE
  !error "define LICENSE (see the top of this file)"
!endif

!define APP_ID "me.timestamps.Timestamps"
!define APP_NAME "Timestamps"
!define APP_EXE "bin\timestamps.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; Where Windows keeps file types; HKLM because the installer is per machine.
!define CLASSES "Software\Classes"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!insertmacro MUI_PAGE_LICENSE "${LICENSE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"

; The app is 64-bit: its registry keys belong in the 64-bit view.
Function .onInit
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

; Offers Timestamps in "Open with" for EXT without taking the file type
; from the DAW that owns it: a ProgID of our own, listed in the
; extension's OpenWithProgids, and the extension's default left alone.
!macro Associate EXT DESCRIPTION
  WriteRegStr HKLM "${CLASSES}\${APP_ID}.${EXT}" "" "${DESCRIPTION}"
  WriteRegStr HKLM "${CLASSES}\${APP_ID}.${EXT}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${CLASSES}\${APP_ID}.${EXT}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKLM "${CLASSES}\.${EXT}\OpenWithProgids" "${APP_ID}.${EXT}" ""
  WriteRegStr HKLM "${CLASSES}\Applications\timestamps.exe\SupportedTypes" ".${EXT}" ""
!macroend

!macro Unassociate EXT
  DeleteRegValue HKLM "${CLASSES}\.${EXT}\OpenWithProgids" "${APP_ID}.${EXT}"
  ; Removes the key only when nothing else is listed in it.
  DeleteRegKey /ifempty HKLM "${CLASSES}\.${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKLM "${CLASSES}\.${EXT}"
  DeleteRegKey HKLM "${CLASSES}\${APP_ID}.${EXT}"
!macroend

Section "Timestamps" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  !include /CHARSET=UTF8 "${LISTS}\install-files.nsh"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  !insertmacro Associate "als" "Ableton Live Set"
  !insertmacro Associate "flp" "FL Studio Project"
  !insertmacro Associate "cue" "Cue Sheet"
  WriteRegStr HKLM "${CLASSES}\Applications\timestamps.exe" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKLM "${CLASSES}\Applications\timestamps.exe\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "The Timestamps developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "URLInfoAbout" "https://timestamps.me/"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1

  ; Explorer caches file types; tell it they changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Exactly what the section above created, nothing the user added: the
; file list is the installer's own, and folders go only when empty.
Section "Uninstall"
  !include /CHARSET=UTF8 "${LISTS}\uninstall-files.nsh"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  !insertmacro Unassociate "als"
  !insertmacro Unassociate "flp"
  !insertmacro Unassociate "cue"
  DeleteRegKey HKLM "${CLASSES}\Applications\timestamps.exe"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
