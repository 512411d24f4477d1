#include "ui/welcome_page.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "model/project_store.h"

namespace sw::ui {

namespace {

const QString kRecentKey = QStringLiteral("recentProjects");
constexpr int kStartWidth = 300;   // the column of ways to start
constexpr int kRecentWidth = 440;  // the recent projects

// The name a project folder shows: "Lighthouse" for ".../Lighthouse.scenewright".
QString projectTitle(const QString& folder) {
  QString name = QFileInfo(folder).fileName();
  const QLatin1String suffix(model::ProjectStore::kSuffix);
  if (name.endsWith(suffix)) name.chop(suffix.size());
  return name.isEmpty() ? folder : name;
}

// Worker thread: the folders that no longer hold a project.
QStringList missingFolders(const QStringList& folders) {
  QStringList missing;
  for (const QString& folder : folders)
    if (!QFileInfo::exists(
            QDir(folder).filePath(QLatin1String(model::ProjectStore::kDatabaseName))))
      missing << folder;
  return missing;
}

QCommandLinkButton* startButton(const QString& name, const QString& text, const QString& detail,
                                const QString& icon) {
  auto* b = new QCommandLinkButton(text, detail);
  b->setObjectName(name);
  b->setIcon(QIcon::fromTheme(icon, b->icon()));
  b->setAutoDefault(true);  // Enter clicks the focused button, as Space does
  return b;
}

}  // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("welcomePage"));
  auto* page = new QVBoxLayout(this);
  page->addStretch(1);
  auto* outer = new QHBoxLayout;
  page->addLayout(outer, 4);
  page->addStretch(1);
  outer->addStretch(1);
  auto* columns = new QHBoxLayout;
  columns->setSpacing(48);
  outer->addLayout(columns, 6);
  outer->addStretch(1);

  auto* start = new QVBoxLayout;
  auto* title =
      new QLabel(tr("<h1>Scenewright</h1><p>A director's console for AI-generated "
                    "video.</p>"));
  title->setWordWrap(true);
  start->addWidget(title);
  auto* sample = startButton(QStringLiteral("welcomeSample"), tr("Open the Sample Project"),
                             tr("A three-scene story that renders offline with the local backend."),
                             QStringLiteral("folder-open"));
  auto* create = startButton(QStringLiteral("welcomeNew"), tr("New Project…"),
                             tr("An empty project folder (NAME.scenewright)."),
                             QStringLiteral("document-new"));
  auto* open =
      startButton(QStringLiteral("welcomeOpen"), tr("Open Project…"),
                  tr("Choose a NAME.scenewright project folder."), QStringLiteral("document-open"));
  auto* import = startButton(QStringLiteral("welcomeImport"), tr("Import a Screenplay…"),
                             tr("A Fountain screenplay becomes the scenes of a new project."),
                             QStringLiteral("document-import"));
  connect(sample, &QPushButton::clicked, this, &WelcomePage::openSampleRequested);
  connect(create, &QPushButton::clicked, this, &WelcomePage::newProjectRequested);
  connect(open, &QPushButton::clicked, this, &WelcomePage::openProjectRequested);
  connect(import, &QPushButton::clicked, this, &WelcomePage::importScreenplayRequested);
  for (QWidget* w : {sample, create, open, import}) start->addWidget(w);
  start->addStretch();
  auto* startColumn = new QWidget;
  startColumn->setLayout(start);
  startColumn->setMinimumWidth(kStartWidth);
  startColumn->setMaximumWidth(kStartWidth + 120);
  columns->addWidget(startColumn, 2);

  auto* recent = new QVBoxLayout;
  auto* heading = new QLabel(tr("<h3>Recent projects</h3>"));
  recent->addWidget(heading);
  auto* scroll = new QScrollArea;
  scroll->setObjectName(QStringLiteral("recentProjects"));
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* list = new QWidget;
  recentLayout_ = new QVBoxLayout(list);
  recentLayout_->setContentsMargins(0, 0, 0, 0);
  scroll->setWidget(list);
  recent->addWidget(scroll, 1);
  auto* recentColumn = new QWidget;
  recentColumn->setLayout(recent);
  recentColumn->setMinimumWidth(kRecentWidth);
  columns->addWidget(recentColumn, 3);

  recent_ = recentProjects();
  fillRecent();
  connect(&check_, &QFutureWatcher<QStringList>::finished, this,
          [this] { markMissing(check_.result()); });
  check_.setFuture(QtConcurrent::run(missingFolders, recent_));
}

WelcomePage::~WelcomePage() { check_.waitForFinished(); }

QStringList WelcomePage::recentProjects() { return QSettings().value(kRecentKey).toStringList(); }

void WelcomePage::removeRecentProject(const QString& folder) {
  QSettings settings;
  QStringList recent = settings.value(kRecentKey).toStringList();
  recent.removeAll(folder);
  settings.setValue(kRecentKey, recent);
}

void WelcomePage::fillRecent() {
  recentButtons_.clear();
  // The Remove button being clicked is in one of these rows: deleted once its signal is handled
  // (out of the page at once, so the new rows are the only ones found).
  while (QLayoutItem* item = recentLayout_->takeAt(0)) {
    if (QWidget* w = item->widget()) {
      w->hide();
      w->setParent(nullptr);
      w->deleteLater();
    }
    delete item;
  }
  if (recent_.isEmpty()) {
    auto* none =
        new QLabel(tr("No recent projects yet. Open the sample project to look around, "
                      "or start a new one."));
    none->setWordWrap(true);
    recentLayout_->addWidget(none);
  }
  for (int i = 0; i < recent_.size(); ++i) {
    const QString folder = recent_.at(i);
    const bool missing = missing_.contains(folder);
    auto* row = new QWidget;
    row->setObjectName(QStringLiteral("recentRow%1").arg(i));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* open = new QCommandLinkButton(projectTitle(folder));
    open->setObjectName(QStringLiteral("recentProject%1").arg(i));
    open->setIcon(QIcon::fromTheme(
        missing ? QStringLiteral("dialog-warning") : QStringLiteral("folder"), open->icon()));
    open->setAutoDefault(true);
    open->setEnabled(!missing);
    open->setToolTip(missing
                         ? tr("%1 no longer holds a project.").arg(QDir::toNativeSeparators(folder))
                         : tr("Open %1").arg(QDir::toNativeSeparators(folder)));
    connect(open, &QPushButton::clicked, this,
            [this, folder] { emit openRecentRequested(folder); });
    layout->addWidget(open, 1);
    if (missing) {
      auto* remove = new QToolButton;
      remove->setObjectName(QStringLiteral("removeRecent%1").arg(i));
      remove->setText(tr("Remove"));
      remove->setToolTip(tr("Remove %1 from the recent projects").arg(projectTitle(folder)));
      connect(remove, &QToolButton::clicked, this, [this, folder] {
        removeRecentProject(folder);
        recent_.removeAll(folder);
        missing_.removeAll(folder);
        fillRecent();
        emit recentListChanged();
      });
      layout->addWidget(remove, 0, Qt::AlignVCenter);
    }
    recentLayout_->addWidget(row);
    recentButtons_.append({open, folder});
  }
  elidePaths();
  recentLayout_->addStretch();
}

// A long path is elided in its middle to the width the list has (the tooltip has all of it).
void WelcomePage::elidePaths() {
  const int width = std::max(recentLayout_->parentWidget()->width(), kRecentWidth) - 90;
  for (const auto& [button, folder] : std::as_const(recentButtons_)) {
    const bool missing = missing_.contains(folder);
    const QString path = button->fontMetrics().elidedText(
        QDir::toNativeSeparators(folder), Qt::ElideMiddle, missing ? width - 120 : width);
    button->setDescription(missing ? tr("Missing: %1").arg(path) : path);
  }
}

void WelcomePage::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  elidePaths();
}

void WelcomePage::markMissing(const QStringList& missing) {
  missing_ = missing;
  checked_ = true;
  if (!missing_.isEmpty()) fillRecent();
}

}  // namespace sw::ui
