# Register the unpacked bundle for this user only (no administrator rights): .parapp files open
# in parapp-gui.exe on a double-click, with parapp's icon, and a Start menu shortcut.
#
#     powershell -ExecutionPolicy Bypass -File parapp\register.ps1
#
# Saved as UTF-8 with a byte order mark: without one, Windows PowerShell 5.1 reads a script in
# the ANSI code page and the file type's Vietnamese name would reach the registry garbled.
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$gui = Join-Path $here "parapp-gui.exe"
$classes = "HKCU:\Software\Classes"
New-Item -Force "$classes\.parapp" | Set-ItemProperty -Name "(default)" -Value "parapp.period"
New-Item -Force "$classes\parapp.period" |
    Set-ItemProperty -Name "(default)" -Value "Tệp kỳ đánh giá parapp"
New-Item -Force "$classes\parapp.period\DefaultIcon" |
    Set-ItemProperty -Name "(default)" -Value "`"$gui`",0"
New-Item -Force "$classes\parapp.period\shell\open\command" |
    Set-ItemProperty -Name "(default)" -Value "`"$gui`" `"%1`""
$menu = Join-Path ([Environment]::GetFolderPath("Programs")) "parapp.lnk"
$link = (New-Object -ComObject WScript.Shell).CreateShortcut($menu)
$link.TargetPath = $gui
$link.WorkingDirectory = $here
$link.Save()
Write-Output "parapp: .parapp files and the Start menu entry registered for $env:USERNAME"
