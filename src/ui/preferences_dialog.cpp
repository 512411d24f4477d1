#include "ui/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "providers/asset_cache.h"
#include "providers/cloud/service_config.h"
#include "providers/comfyui/comfyui_backends.h"
#include "providers/local/fluid_music.h"
#include "providers/model_registry.h"
#include "ui/file_dialogs.h"
#include "ui/theme.h"
#include "ui/ui_format.h"

namespace sw::ui {

using providers::Capability;
using providers::cloud::Service;

namespace {
const QList<Service> kServices = {Service::Replicate, Service::ElevenLabs, Service::OpenAI,
                                  Service::Ollama};

QString capabilityLabel(Capability c) {
  switch (c) {
    case Capability::Script:
      return PreferencesDialog::tr("Script parsing:");
    case Capability::Image:
      return PreferencesDialog::tr("Images:");
    case Capability::Video:
      return PreferencesDialog::tr("Video:");
    case Capability::Speech:
      return PreferencesDialog::tr("Speech:");
    case Capability::Music:
      return PreferencesDialog::tr("Music:");
    case Capability::SoundEffect:
      return PreferencesDialog::tr("Sound effects:");
    case Capability::LipSync:
      return PreferencesDialog::tr("Lip sync:");
  }
  return {};
}

QString settingFor(const providers::BackendSettings& s, Capability c) {
  return c == Capability::LipSync ? s.lipSync : s.backendFor(c);
}

// Sets (or, for an empty value, removes) one option of one backend in `options`.
void setBackendOption(QJsonObject& options, const QString& backend, const QString& key,
                      const QString& value) {
  QJsonObject o = options.value(backend).toObject();
  value.isEmpty() ? o.remove(key) : (void)o.insert(key, value);
  o.isEmpty() ? options.remove(backend) : (void)options.insert(backend, o);
}

QString backendOption(const QJsonObject& options, const QString& backend, const QString& key) {
  return options.value(backend).toObject().value(key).toString();
}

void setSettingFor(providers::BackendSettings& s, Capability c, const QString& id) {
  switch (c) {
    case Capability::Script:
      s.script = id;
      break;
    case Capability::Image:
      s.image = id;
      break;
    case Capability::Video:
      s.video = id;
      break;
    case Capability::Speech:
      s.speech = id;
      break;
    case Capability::Music:
      s.music = id;
      break;
    case Capability::SoundEffect:
      s.soundEffect = id;
      break;
    case Capability::LipSync:
      s.lipSync = id;
      break;
  }
}
}  // namespace

PreferencesDialog::PreferencesDialog(const providers::ModelRegistry* registry, QWidget* parent)
    : QDialog(parent), registry_(registry), initial_(render::AppSettings::load()) {
  setWindowTitle(tr("Preferences"));
  setObjectName(QStringLiteral("preferencesDialog"));
  // Wide enough that a key status (up to ~150 characters) wraps onto two or three lines.
  setMinimumWidth(fontMetrics().averageCharWidth() * 80);
  auto* tabs = new QTabWidget;
  tabs->addTab(buildGenerationTab(), tr("Generation"));
  tabs->addTab(buildServicesTab(), tr("Cloud services"));
  tabs->addTab(buildRenderTab(), tr("Render"));
  tabs->addTab(buildCacheTab(), tr("Cache"));
  tabs->addTab(buildAppearanceTab(), tr("Appearance"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons);
  refreshKeyStatus();
  measureCache();
}

PreferencesDialog::~PreferencesDialog() = default;

QWidget* PreferencesDialog::buildGenerationTab() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  const providers::BackendFactory factory = providers::makeBackendFactory(
      registry_ ? std::make_shared<providers::ModelRegistry>(*registry_) : nullptr);
  for (Capability c : {Capability::Script, Capability::Image, Capability::Video, Capability::Speech,
                       Capability::Music, Capability::SoundEffect, Capability::LipSync}) {
    auto* combo = new QComboBox;
    if (c == Capability::LipSync) combo->addItem(tr("None"), QString());
    for (const QString& id : factory.ids(c))
      combo->addItem(id == QLatin1String("local") ? tr("Local (no network, free)") : id, id);
    const int current = combo->findData(settingFor(initial_.backends, c));
    combo->setCurrentIndex(std::max(0, current));
    backends_.insert(int(c), combo);
    form->addRow(capabilityLabel(c), combo);
  }
  defaultModel_ = new QComboBox;
  if (registry_)
    for (const QString& key : registry_->keys())
      defaultModel_->addItem(tr("%1 — %2/chunk")
                                 .arg(registry_->model(key).displayName,
                                      formatCost(registry_->model(key).costPerCall)),
                             key);
  const QString model = initial_.backends.defaultModel.isEmpty() && registry_
                            ? registry_->defaultKey()
                            : initial_.backends.defaultModel;
  defaultModel_->setCurrentIndex(std::max(0, defaultModel_->findData(model)));
  form->addRow(tr("Default video model:"), defaultModel_);
  addLocalRows(form);
  return page;
}

// The ComfyUI server (video and images on the user's own GPU) and the soundfont the local music
// plays on. Empty fields fall back to COMFYUI_URL / the default server and to Debian's General
// MIDI soundfont; SCENEWRIGHT_SOUNDFONT, when set, wins over the field.
void PreferencesDialog::addLocalRows(QFormLayout* form) {
  comfyUrl_ = new QLineEdit(
      backendOption(initial_.backendOptions, QStringLiteral("comfyui"), QStringLiteral("baseUrl")));
  comfyUrl_->setObjectName(QStringLiteral("comfyUrlEdit"));
  comfyUrl_->setPlaceholderText(
      providers::comfyui::comfyBaseUrl({}, QProcessEnvironment::systemEnvironment()).toString());
  comfyUrl_->setToolTip(
      tr("The ComfyUI server for the \"comfyui\" video and image backend, on "
         "this machine or the LAN. Empty: COMFYUI_URL, else "
         "http://127.0.0.1:8188."));
  form->addRow(tr("ComfyUI server:"), comfyUrl_);

  soundfont_ = new QLineEdit(
      backendOption(initial_.backendOptions, QStringLiteral("local"), QStringLiteral("soundfont")));
  soundfont_->setObjectName(QStringLiteral("soundfontEdit"));
  soundfont_->setPlaceholderText(providers::local::defaultSoundfontPath());
  const QString fromEnvironment = qEnvironmentVariable("SCENEWRIGHT_SOUNDFONT");
  soundfont_->setToolTip(
      fromEnvironment.isEmpty()
          ? tr("A General MIDI soundfont (.sf2) the local music plays on. Empty: %1 "
               "(fluid-soundfont-gm).")
                .arg(providers::local::defaultSoundfontPath())
          : tr("SCENEWRIGHT_SOUNDFONT is set (%1) and is used instead of this file.")
                .arg(fromEnvironment));
  auto* browse = new QToolButton;
  browse->setText(tr("Browse…"));
  browse->setObjectName(QStringLiteral("soundfontBrowseButton"));
  connect(browse, &QToolButton::clicked, this, [this] {
    FileDialogRequest request;
    request.mode = FileDialogMode::OpenFile;
    request.title = tr("Soundfont for the local music");
    request.start = soundfont_->text().isEmpty() ? providers::local::defaultSoundfontPath()
                                                 : soundfont_->text();
    request.filter = tr("Soundfonts (*.sf2);;All files (*)");
    openFileDialog(this, request, [this](const QString& path) { soundfont_->setText(path); });
  });
  auto* row = new QHBoxLayout;
  row->addWidget(soundfont_, 1);
  row->addWidget(browse);
  form->addRow(tr("Music soundfont:"), row);
}

QWidget* PreferencesDialog::buildAppearanceTab() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  theme_ = new QComboBox;
  theme_->setObjectName(QStringLiteral("themeCombo"));
  theme_->addItem(tr("Follow the system"), int(Theme::System));
  theme_->addItem(tr("Light"), int(Theme::Light));
  theme_->addItem(tr("Dark"), int(Theme::Dark));
  theme_->setCurrentIndex(theme_->findData(int(savedTheme())));
  connect(theme_, &QComboBox::currentIndexChanged, this,
          [this] { applyTheme(Theme(theme_->currentData().toInt())); });
  form->addRow(tr("&Theme:"), theme_);
  return page;
}

QWidget* PreferencesDialog::buildServicesTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  for (Service service : kServices) {
    auto* box = new QGroupBox(providers::cloud::serviceName(service));
    auto* form = new QFormLayout(box);
    ServiceRow row;
    row.baseUrl = new QLineEdit(initial_.backendOptions.value(providers::cloud::serviceId(service))
                                    .toObject()
                                    .value(QStringLiteral("baseUrl"))
                                    .toString());
    row.baseUrl->setPlaceholderText(providers::cloud::defaultBaseUrl(service).toString());
    form->addRow(tr("Base URL:"), row.baseUrl);
    if (!providers::cloud::keyVariable(service).isEmpty()) {
      row.key = new QLineEdit;
      row.key->setEchoMode(QLineEdit::Password);
      row.key->setPlaceholderText(tr("unchanged"));
      row.key->setToolTip(tr("Stored in the system keychain, never in the project or settings. "
                             "Without a keychain, set %1 in the environment.")
                              .arg(providers::cloud::keyVariable(service)));
      form->addRow(tr("API key:"), row.key);
    }
    row.status = new QLabel(tr("Checking…"));
    row.status->setObjectName(
        QStringLiteral("keyStatus_%1").arg(providers::cloud::serviceId(service)));
    row.status->setWordWrap(true);
    form->addRow(tr("Status:"), row.status);
    services_.insert(int(service), row);
    layout->addWidget(box);
  }
  layout->addStretch();
  return page;
}

QWidget* PreferencesDialog::buildRenderTab() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  resolution_ = new QComboBox;
  for (const char* r : {"480p", "720p", "1080p", "2160p"})
    resolution_->addItem(QString::fromLatin1(r));
  resolution_->setCurrentText(initial_.resolution);
  loudness_ = new QDoubleSpinBox;
  loudness_->setRange(-36.0, -6.0);
  loudness_->setDecimals(1);
  loudness_->setSuffix(tr(" LUFS"));
  loudness_->setValue(initial_.loudnessLufs);
  loudness_->setToolTip(
      tr("Integrated loudness of the exported mix (EBU R128). -14 to -16 suits "
         "streaming sites, -23 broadcast."));
  form->addRow(tr("Default resolution:"), resolution_);
  form->addRow(tr("Loudness target:"), loudness_);
  return page;
}

QWidget* PreferencesDialog::buildCacheTab() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  cacheDir_ = new QLineEdit(initial_.cacheDirectory);
  cacheDir_->setPlaceholderText(providers::AssetCache::defaultDirectory());
  auto* browse = new QToolButton;
  browse->setText(tr("Browse…"));
  browse->setObjectName(QStringLiteral("cacheBrowseButton"));
  connect(browse, &QToolButton::clicked, this, [this] {
    FileDialogRequest request;
    request.mode = FileDialogMode::Folder;
    request.title = tr("Cache location");
    request.start = settings().effectiveCacheDirectory();
    openFileDialog(this, request, [this](const QString& dir) {
      cacheDir_->setText(dir);
      measureCache();
    });
  });
  auto* dirRow = new QHBoxLayout;
  dirRow->addWidget(cacheDir_, 1);
  dirRow->addWidget(browse);
  cacheSize_ = new QLabel(tr("Measuring…"));
  cacheSize_->setObjectName(QStringLiteral("cacheSizeLabel"));
  clearCache_ = new QPushButton(tr("Clear cache…"));
  clearCache_->setToolTip(
      tr("Deletes every generated file in the cache. Re-rendering will "
         "generate (and pay for) them again."));
  connect(clearCache_, &QPushButton::clicked, this, &PreferencesDialog::clearCache);
  form->addRow(tr("Location:"), dirRow);
  form->addRow(tr("Size:"), cacheSize_);
  form->addRow(QString(), clearCache_);
  return page;
}

render::AppSettings PreferencesDialog::settings() const {
  render::AppSettings s = initial_;
  for (auto it = backends_.begin(); it != backends_.end(); ++it)
    setSettingFor(s.backends, Capability(it.key()), it.value()->currentData().toString());
  s.backends.defaultModel = defaultModel_->currentData().toString();
  for (auto it = services_.begin(); it != services_.end(); ++it) {
    const QString id = providers::cloud::serviceId(Service(it.key()));
    QJsonObject options = s.backendOptions.value(id).toObject();
    const QString url = it.value().baseUrl->text().trimmed();
    url.isEmpty() ? options.remove(QStringLiteral("baseUrl"))
                  : (void)options.insert(
                        QStringLiteral("baseUrl"),
                        providers::cloud::normaliseBaseUrl(Service(it.key()), url).toString());
    options.isEmpty() ? s.backendOptions.remove(id) : (void)s.backendOptions.insert(id, options);
  }
  const QString comfy = comfyUrl_->text().trimmed();
  setBackendOption(
      s.backendOptions, QStringLiteral("comfyui"), QStringLiteral("baseUrl"),
      comfy.isEmpty()
          ? QString()
          : providers::comfyui::comfyBaseUrl({{QStringLiteral("baseUrl"), comfy}}, {}).toString());
  setBackendOption(s.backendOptions, QStringLiteral("local"), QStringLiteral("soundfont"),
                   soundfont_->text().trimmed());
  s.resolution = resolution_->currentText();
  s.loudnessLufs = loudness_->value();
  s.cacheDirectory = cacheDir_->text().trimmed();
  return s;
}

void PreferencesDialog::refreshKeyStatus() {
  const QJsonObject options = settings().backendOptions;
  for (auto it = services_.begin(); it != services_.end(); ++it) {
    const Service service = Service(it.key());
    QLabel* label = it.value().status;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [watcher, label] {
      label->setText(watcher->result());
      watcher->deleteLater();
    });
    const QJsonObject serviceOptions =
        options.value(providers::cloud::serviceId(service)).toObject();
    watcher->setFuture(QtConcurrent::run([service, serviceOptions] {
      auto secrets = providers::cloud::makeKeychainStore();
      return providers::cloud::resolveEndpoint(
                 service, serviceOptions, QProcessEnvironment::systemEnvironment(), secrets.get())
          .status;
    }));
  }
}

// A key status arrives after the dialog is shown and may wrap onto several lines; a window does
// not grow for word-wrapped labels by itself. The layouts settle over a few LayoutRequest
// events, the window's own one comes last.
bool PreferencesDialog::event(QEvent* e) {
  const bool handled = QDialog::event(e);
  if (e->type() == QEvent::LayoutRequest) growToFit();
  return handled;
}

void PreferencesDialog::growToFit() {
  if (!isVisible()) return;  // show() sizes it from its layout
  QLayout* l = layout();
  const int needed = l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : sizeHint().height();
  if (needed > height()) resize(width(), needed);
}

void PreferencesDialog::measureCache() {
  const QString dir = settings().effectiveCacheDirectory();
  cacheSize_->setText(tr("Measuring…"));
  auto* watcher = new QFutureWatcher<qint64>(this);
  connect(watcher, &QFutureWatcher<qint64>::finished, this, [this, watcher, dir] {
    const qint64 bytes = watcher->result();
    watcher->deleteLater();
    cacheSize_->setText(tr("%1 in %2").arg(formatBytes(bytes), dir));
    emit cacheSizeKnown(bytes);
  });
  watcher->setFuture(QtConcurrent::run([dir] { return providers::AssetCache(dir).size(); }));
}

void PreferencesDialog::clearCache() {
  const QString dir = settings().effectiveCacheDirectory();
  const auto answer = QMessageBox::question(
      this, tr("Clear cache"),
      tr("Delete every generated file in %1?\nRendering again will regenerate (and pay for) them.")
          .arg(dir));
  if (answer != QMessageBox::Yes) return;
  clearCache_->setEnabled(false);
  auto* watcher = new QFutureWatcher<void>(this);
  connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
    watcher->deleteLater();
    clearCache_->setEnabled(true);
    measureCache();
  });
  watcher->setFuture(QtConcurrent::run([dir] { providers::AssetCache(dir).clear(); }));
}

void PreferencesDialog::reject() {
  applyTheme(savedTheme());
  QDialog::reject();
}

void PreferencesDialog::accept() {
  const render::AppSettings s = settings();
  s.save();
  saveTheme(Theme(theme_->currentData().toInt()));
  QList<QPair<Service, QString>> keys;
  for (auto it = services_.begin(); it != services_.end(); ++it)
    if (it.value().key && !it.value().key->text().isEmpty())
      keys.append({Service(it.key()), it.value().key->text()});
  if (!keys.isEmpty()) {
    // The keychain may be slow (D-Bus); store off the GUI thread and report failures.
    auto* watcher = new QFutureWatcher<QStringList>(parent());
    QWidget* owner = parentWidget();
    connect(watcher, &QFutureWatcher<QStringList>::finished, watcher, [watcher, owner] {
      const QStringList errors = watcher->result();
      watcher->deleteLater();
      if (!errors.isEmpty())
        QMessageBox::warning(owner, tr("API keys not saved"), errors.join(QLatin1Char('\n')));
    });
    watcher->setFuture(QtConcurrent::run([keys] {
      QStringList errors;
      auto secrets = providers::cloud::makeKeychainStore();
      for (const auto& [service, key] : keys) {
        const QString error = providers::cloud::storeApiKey(service, key, *secrets);
        if (!error.isEmpty()) errors.append(error);
      }
      return errors;
    }));
  }
  QDialog::accept();
}

}  // namespace sw::ui
