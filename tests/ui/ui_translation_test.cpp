// Translations: the German and Chinese catalogues are complete, compiled into the binary, and
// loaded for their locale.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QMenuBar>
#include <QTranslator>
#include <QXmlStreamReader>

#include "ui/main_window.h"

namespace {

struct Counts {
  int messages = 0;
  int unfinished = 0;
  QStringList missing;
};

Counts countTs(const QString& path) {
  Counts c;
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
  QXmlStreamReader xml(&file);
  QString source;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("source")) source = xml.readElementText();
    if (xml.name() != QLatin1String("translation")) continue;
    ++c.messages;
    const bool unfinished =
        xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
    if (unfinished || text.trimmed().isEmpty()) {
      ++c.unfinished;
      c.missing << source;
    }
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  return c;
}

TEST(UiTranslations, CataloguesAreComplete) {
  for (const char* lang : {"de", "zh_CN"}) {
    const Counts c = countTs(
        QStringLiteral(SW_SOURCE_DIR "/translations/scenewright_%1.ts").arg(QLatin1String(lang)));
    EXPECT_GT(c.messages, 250) << lang;
    EXPECT_EQ(c.unfinished, 0) << lang << ": "
                               << c.missing.join(QStringLiteral(" | ")).toStdString();
  }
}

TEST(UiTranslations, GermanAndChineseAreLoadedForTheirLocale) {
  const QList<QPair<QLocale, QString>> cases = {
      {QLocale(QLocale::German, QLocale::Germany), QStringLiteral("&Datei")},
      {QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("文件(&F)")}};
  for (const auto& [locale, fileMenu] : cases) {
    QTranslator translator;
    ASSERT_TRUE(translator.load(locale, QStringLiteral("scenewright"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")))
        << locale.name().toStdString();
    QApplication::installTranslator(&translator);
    {
      sw::ui::MainWindow window;
      EXPECT_EQ(window.menuBar()->actions().first()->text(), fileMenu);
    }
    QApplication::removeTranslator(&translator);
  }
}

}  // namespace
