"""The `bilateral` command's entry point (also `python -m app`), which imports nothing itself.

`bilateral serve --workers N` starts its workers by multiprocessing's spawn, and spawn runs the
parent's main script again in each worker to rebuild what it defined: the `bilateral` script pip
writes, whose one import is this module. Were it `app.cli`, every worker would import the command
line (Typer, Click, the import and sources commands and their schemas) before the app it serves.
The command line is imported when the command runs, in the parent only."""


def main() -> None:
    from app.cli import main as run

    run()


if __name__ == "__main__":
    main()
