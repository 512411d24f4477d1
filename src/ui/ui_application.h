// Application-wide setup shared by the GUI executable and the GUI tests: organisation and
// application names (QSettings), the translation for the system locale, the icon resource, the
// theme saved in Preferences.
#pragma once

#include <QLocale>
#include <QString>

class QApplication;

namespace sw::ui {

// Sets names and version, applies the saved theme (theme.h), and installs the Scenewright and Qt
// translations for `locale`. Returns the name of the Scenewright translation loaded ("" when none
// matched: English).
QString setupApplication(QApplication& app, const QLocale& locale = QLocale::system());

}  // namespace sw::ui
