#include "ui/theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace sw::ui {

namespace {
const QString kKey = QStringLiteral("appearance/theme");

struct SystemLook {
  QString style;
  QPalette palette;
};

const SystemLook& systemLook() {
  static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
  return look;
}
}  // namespace

Theme savedTheme() {
  const QString value = QSettings().value(kKey).toString();
  if (value == QLatin1String("light")) return Theme::Light;
  if (value == QLatin1String("dark")) return Theme::Dark;
  return Theme::System;
}

void saveTheme(Theme theme) {
  QSettings().setValue(kKey, theme == Theme::Light  ? QStringLiteral("light")
                             : theme == Theme::Dark ? QStringLiteral("dark")
                                                    : QStringLiteral("system"));
}

void applyTheme(Theme theme) {
  const SystemLook& system = systemLook();
  static Theme current = Theme::System;
  if (theme == current) return;
  current = theme;
  if (theme == Theme::System) {
    QApplication::setStyle(system.style);
    QApplication::setPalette(system.palette);
    return;
  }
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                : QApplication::style()->standardPalette());
}

QPalette darkPalette() {
  QPalette p;
  const QColor text(0xe6, 0xe6, 0xe6);
  const QColor dim(0x80, 0x80, 0x80);
  p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
  p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
  p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
  p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
  p.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
  p.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
  p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
  p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
  p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x6a, 0xa9, 0xff));
  p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x8a, 0xff));
  for (QPalette::ColorRole role :
       {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
    p.setColor(QPalette::Disabled, role, dim);
  p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x25, 0x25, 0x25));
  p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
  return p;
}

bool isDark(const QPalette& palette) {
  return palette.color(QPalette::Window).lightness() <
         palette.color(QPalette::WindowText).lightness();
}

QColor errorTextColor(const QPalette& palette) {
  return isDark(palette) ? QColor(0xf8, 0x71, 0x71) : QColor(0xc0, 0x1c, 0x1c);
}

}  // namespace sw::ui
