; Inno Setup 6 script: a per-user installer from the PyInstaller folder dist\haydigo-desk.
; Build the folder first (see docs-packaging.md), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\haydigo-desk.iss
; Output: dist\HaydiGO-Desk-<version>-setup.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{4E7C2B0A-6F1D-4C55-9B7E-0D3A5E8C1F42}
AppName=HaydiGO Desk
AppVersion={#AppVersion}
AppPublisher=HaydiGO
DefaultDirName={localappdata}\Programs\HaydiGO Desk
DefaultGroupName=HaydiGO Desk
; Per user: warehouse PCs often lack admin rights, and the data lives in the user's folders.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=HaydiGO-Desk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\haydigo-desk.ico
UninstallDisplayIcon={app}\haydigo-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\haydigo-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\HaydiGO Desk"; Filename: "{app}\haydigo-desk.exe"
Name: "{group}\{cm:UninstallProgram,HaydiGO Desk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\HaydiGO Desk"; Filename: "{app}\haydigo-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\haydigo-desk.exe"; Description: "{cm:LaunchProgram,HaydiGO Desk}"; Flags: nowait postinstall skipifsilent
