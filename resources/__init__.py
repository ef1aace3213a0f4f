"""The program's data (fonts, translations, state rules, examples), shipped as `planner.data`.

A package, not a bare folder, so importlib.resources finds it the same way in the checkout, an
installed wheel, a zip and a frozen bundle (pyproject.toml maps this folder to that name).
"""
