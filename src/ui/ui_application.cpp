#include "ui/ui_application.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QTranslator>

#include "render/app_settings.h"
#include "ui/theme.h"

namespace sw::ui {

QString setupApplication(QApplication& app, const QLocale& locale) {
  render::applyApplicationIdentity();
  QApplication::setApplicationVersion(QStringLiteral(SW_UI_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("org.scenewright.Scenewright"));
  QApplication::setWindowIcon(
      QIcon(QStringLiteral(":/scenewright/icons/org.scenewright.Scenewright.svg")));
  applyTheme(savedTheme());
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(qt);
  // The .qm files are compiled into the binary (translations/CMakeLists.txt) under :/i18n.
  auto* ours = new QTranslator(&app);
  if (!ours->load(locale, QStringLiteral("scenewright"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
    return {};
  QApplication::installTranslator(ours);
  return ours->language();
}

}  // namespace sw::ui
