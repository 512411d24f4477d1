// Preferences: backend per capability (local / cloud), API keys (system keychain), service
// base URLs, the ComfyUI server and the local music's soundfont, default model, default resolution
// and loudness, cache location, size and Clear, the theme (applied as soon as it is chosen, back to
// the saved one on Cancel). Keychain access and cache scans run on worker threads (keychain calls
// wait there for the one keychain thread, providers/cloud/keychain_thread.h); results arrive via
// QFutureWatcher.
#pragma once

#include <QDialog>
#include <QMap>

#include "render/app_settings.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sw::providers {
class ModelRegistry;
}

namespace sw::ui {

class PreferencesDialog : public QDialog {
  Q_OBJECT
 public:
  PreferencesDialog(const providers::ModelRegistry* registry, QWidget* parent = nullptr);
  ~PreferencesDialog() override;

  render::AppSettings settings() const;  // what the dialog shows now
  void accept() override;                // saves settings, keys and the theme
  void reject() override;                // the saved theme again

  QComboBox* backendCombo(providers::Capability capability) const {
    return backends_.value(int(capability));
  }
  QLabel* cacheSizeLabel() const { return cacheSize_; }
  QComboBox* themeCombo() const { return theme_; }
  QLineEdit* comfyUrlEdit() const { return comfyUrl_; }
  QLineEdit* soundfontEdit() const { return soundfont_; }

 Q_SIGNALS:
  void cacheSizeKnown(qint64 bytes);

 protected:
  bool event(QEvent* e) override;

 private:
  QWidget* buildGenerationTab();
  void addLocalRows(QFormLayout* form);
  QWidget* buildServicesTab();
  QWidget* buildRenderTab();
  QWidget* buildCacheTab();
  QWidget* buildAppearanceTab();
  void refreshKeyStatus();
  void growToFit();
  void measureCache();
  void clearCache();

  const providers::ModelRegistry* registry_;
  render::AppSettings initial_;
  QMap<int, QComboBox*> backends_;
  QComboBox* defaultModel_ = nullptr;
  QLineEdit* comfyUrl_ = nullptr;   // backendOptions.comfyui.baseUrl
  QLineEdit* soundfont_ = nullptr;  // backendOptions.local.soundfont
  struct ServiceRow {
    QLineEdit* baseUrl = nullptr;
    QLineEdit* key = nullptr;
    QLabel* status = nullptr;
  };
  QMap<int, ServiceRow> services_;
  QComboBox* resolution_ = nullptr;
  QDoubleSpinBox* loudness_ = nullptr;
  QLineEdit* cacheDir_ = nullptr;
  QLabel* cacheSize_ = nullptr;
  QPushButton* clearCache_ = nullptr;
  QComboBox* theme_ = nullptr;
};

}  // namespace sw::ui
