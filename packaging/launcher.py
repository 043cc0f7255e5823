"""Entry point of the frozen app (PyInstaller needs a script; the console command is app.cli:main)."""

from app.cli import main

raise SystemExit(main())
