"""What each section asks, declared once (`ui.answers`): one module a section, no Qt."""
