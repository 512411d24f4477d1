// The application's look, chosen in Preferences: follow the system (the platform's own style
// and palette, dark when the desktop theme gives Qt a dark palette), or Fusion light or dark.
// Custom-painted widgets take their colours from the palette, so they follow.
#pragma once

#include <QColor>
#include <QPalette>

namespace sw::ui {

enum class Theme { System, Light, Dark };

Theme savedTheme();  // QSettings "appearance/theme": "system" (also when unset), "light", "dark"
void saveTheme(Theme theme);

// Sets the style and palette of the whole application at once (every widget repaints). The
// first call records the style and palette the application started with: choosing System
// later goes back to them.
void applyTheme(Theme theme);

QPalette darkPalette();
bool isDark(const QPalette& palette);  // the window darker than its text
// Red text for an error or a warning that reads on the palette's window colour.
QColor errorTextColor(const QPalette& palette);

}  // namespace sw::ui
