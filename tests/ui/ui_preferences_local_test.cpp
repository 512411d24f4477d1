// Preferences' local generation fields (issue 15 part 2): the ComfyUI server's base URL and the
// soundfont the local music plays on are set in the dialog, saved with OK (the app settings'
// backend options, where the backends read them), shown again by a new dialog, and removed
// again when emptied; other options of the same backends are kept.
#include <gtest/gtest.h>

#include <QLineEdit>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include "providers/comfyui/comfyui_backends.h"
#include "providers/local/fluid_music.h"
#include "render/app_settings.h"
#include "ui/preferences_dialog.h"

using sw::render::AppSettings;
using sw::ui::PreferencesDialog;

namespace {

QJsonObject optionsOf(const QString& backend) {
  return AppSettings::load().backendOptions.value(backend).toObject();
}

TEST(UiPreferencesLocal, ComfyUrlAndSoundfontAreSavedAndShownAgain) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString soundfont = dir.filePath(QStringLiteral("My Piano.sf2"));
  {
    AppSettings s = AppSettings::load();  // an option of the local backend set elsewhere
    s.backendOptions.insert(QStringLiteral("local"), QJsonObject{{"width", 640}});
    s.save();
  }
  {
    PreferencesDialog dialog(nullptr);
    ASSERT_NE(dialog.comfyUrlEdit(), nullptr);
    ASSERT_NE(dialog.soundfontEdit(), nullptr);
    EXPECT_TRUE(dialog.comfyUrlEdit()->text().isEmpty());
    EXPECT_EQ(dialog.comfyUrlEdit()->placeholderText(),
              qEnvironmentVariableIsSet("COMFYUI_URL") ? qEnvironmentVariable("COMFYUI_URL")
                                                       : QStringLiteral("http://127.0.0.1:8188"));
    EXPECT_EQ(dialog.soundfontEdit()->placeholderText(),
              sw::providers::local::defaultSoundfontPath());
    dialog.comfyUrlEdit()->setText(QStringLiteral(" 192.168.1.20:8188/ "));
    dialog.soundfontEdit()->setText(soundfont);
    dialog.accept();
  }
  const QJsonObject comfy = optionsOf(QStringLiteral("comfyui"));
  EXPECT_EQ(comfy.value("baseUrl").toString(), QStringLiteral("http://192.168.1.20:8188"));
  const QJsonObject local = optionsOf(QStringLiteral("local"));
  EXPECT_EQ(local.value("soundfont").toString(), soundfont);
  EXPECT_EQ(local.value("width").toInt(), 640);
  // What the backends make of the saved options.
  EXPECT_EQ(sw::providers::comfyui::comfyBaseUrl(comfy, QProcessEnvironment()).toString(),
            QStringLiteral("http://192.168.1.20:8188"));
  qunsetenv("SCENEWRIGHT_SOUNDFONT");
  EXPECT_EQ(sw::providers::local::soundfontPath(local), soundfont);

  {
    PreferencesDialog again(nullptr);
    EXPECT_EQ(again.comfyUrlEdit()->text(), QStringLiteral("http://192.168.1.20:8188"));
    EXPECT_EQ(again.soundfontEdit()->text(), soundfont);
    again.comfyUrlEdit()->clear();
    again.soundfontEdit()->setText(QStringLiteral("  "));
    again.accept();
  }
  EXPECT_FALSE(AppSettings::load().backendOptions.contains(QStringLiteral("comfyui")));
  EXPECT_FALSE(optionsOf(QStringLiteral("local")).contains(QStringLiteral("soundfont")));
  EXPECT_EQ(optionsOf(QStringLiteral("local")).value("width").toInt(), 640);

  {
    PreferencesDialog cancelled(nullptr);  // Cancel saves nothing
    cancelled.comfyUrlEdit()->setText(QStringLiteral("http://gpu-box:8188"));
    cancelled.reject();
  }
  EXPECT_FALSE(AppSettings::load().backendOptions.contains(QStringLiteral("comfyui")));
}

}  // namespace
