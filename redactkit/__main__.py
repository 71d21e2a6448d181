from redactkit.cli import main

main()
