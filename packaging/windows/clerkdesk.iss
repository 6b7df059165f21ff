; ClerkDesk per-user installer (Inno Setup 6): no administrator rights needed.
; Installs under the user's local programs folder, as Anki's installer does,
; with Start-menu shortcuts and an uninstaller. Built by the Windows job of
; .github/workflows/release.yml:
;   iscc /DAppVersion=0.2.0 /DSourceDir=dist\ClerkDesk packaging\windows\clerkdesk.iss

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (from clerkdesk/version.py)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ClerkDesk"
#endif

[Setup]
AppId={{6E0C2A57-3C55-4E0B-9A8B-2F4D2C9E51B7}
AppName=ClerkDesk
AppVersion={#AppVersion}
AppVerName=ClerkDesk {#AppVersion}
AppPublisher=ClerkDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\ClerkDesk
DefaultGroupName=ClerkDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ClerkDesk-{#AppVersion}-windows-x64-user-setup
SetupIconFile=..\..\resources\icons\clerkdesk.ico
UninstallDisplayIcon={app}\ClerkDeskApp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The database lives in the user's data folder, never in {app}: uninstalling
; or upgrading never touches the record.

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\ClerkDesk"; Filename: "{app}\ClerkDeskApp.exe"
Name: "{userdesktop}\ClerkDesk"; Filename: "{app}\ClerkDeskApp.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\ClerkDeskApp.exe"; Description: "Open ClerkDesk now"; Flags: nowait postinstall skipifsilent
