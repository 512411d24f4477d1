#include "ui/help_dialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSet>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sw::ui {

namespace {

// "&Open Project…" -> "Open Project" ("&&" stays a literal "&").
QString plainText(QString text) {
  text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
  text.remove(QLatin1Char('&'));
  text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
  if (text.endsWith(QChar(0x2026))) text.chop(1);
  if (text.endsWith(QLatin1String("..."))) text.chop(3);
  return text.trimmed();
}

QString keysOf(const QAction* action) {
  QStringList keys;
  for (const QKeySequence& k : action->shortcuts()) keys << k.toString(QKeySequence::NativeText);
  return keys.join(QStringLiteral(", "));
}

void collectMenu(QMenu* menu, const QString& path, QList<ShortcutRow>& rows, QSet<QAction*>& seen) {
  for (QAction* a : menu->actions()) {
    if (QMenu* sub = a->menu()) {
      collectMenu(sub, path + QStringLiteral(" ▸ ") + plainText(sub->title()), rows, seen);
      continue;
    }
    if (a->isSeparator() || seen.contains(a)) continue;
    seen.insert(a);
    if (!a->shortcuts().isEmpty()) rows.append({path, plainText(a->text()), keysOf(a)});
  }
}

template <typename Dialog, typename... Args>
void showOne(QPointer<Dialog>& dialog, Args&&... args) {
  if (!dialog) {
    dialog = new Dialog(std::forward<Args>(args)...);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
  }
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

constexpr int kImageWidth = 820;  // the guide's screenshots, scaled down to the dialog

// Screenshots wider than `width` are shown at that width (the height follows).
void fitImages(QTextDocument* document, int width) {
  QTextCursor cursor(document);
  for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextFragment fragment = it.fragment();
      QTextImageFormat image = fragment.charFormat().toImageFormat();
      if (!image.isValid()) continue;
      const QImage picture =
          document->resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
      if (picture.isNull() || picture.width() <= width) continue;
      image.setWidth(width);
      cursor.setPosition(fragment.position());
      cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
      cursor.setCharFormat(image);
    }
}

}  // namespace

QList<ShortcutRow> collectShortcuts(QMainWindow* window) {
  QList<ShortcutRow> rows;
  QSet<QAction*> seen;
  for (QAction* top : window->menuBar()->actions())
    if (QMenu* menu = top->menu()) collectMenu(menu, plainText(menu->title()), rows, seen);
  // Actions that are in no menu (the scene list's Delete key, say).
  for (QAction* a : window->findChildren<QAction*>()) {
    if (seen.contains(a) || a->menu() || a->shortcuts().isEmpty() || a->text().isEmpty()) continue;
    seen.insert(a);
    rows.append({QCoreApplication::translate("sw::ui::ShortcutsDialog", "Elsewhere"),
                 plainText(a->text()), keysOf(a)});
  }
  return rows;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow* window) : QDialog(window), table_(new QTreeWidget) {
  setObjectName(QStringLiteral("shortcutsDialog"));
  setWindowTitle(tr("Keyboard Shortcuts"));
  table_->setObjectName(QStringLiteral("shortcutsTable"));
  table_->setColumnCount(2);
  table_->setHeaderLabels({tr("Action"), tr("Shortcut")});
  table_->setRootIsDecorated(false);
  table_->setAlternatingRowColors(true);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  QTreeWidgetItem* group = nullptr;
  for (const ShortcutRow& row : collectShortcuts(window)) {
    if (!group || group->text(0) != row.menu) {
      group = new QTreeWidgetItem(table_, {row.menu});
      QFont bold = group->font(0);
      bold.setBold(true);
      group->setFont(0, bold);
      group->setFirstColumnSpanned(true);
    }
    new QTreeWidgetItem(group, {row.action, row.keys});
  }
  table_->expandAll();
  table_->setItemsExpandable(false);
  table_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->header()->setStretchLastSection(false);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(buttons);
  resize(520, 600);
}

UserGuideDialog::UserGuideDialog(QWidget* parent) : QDialog(parent), browser_(new QTextBrowser) {
  setObjectName(QStringLiteral("userGuideDialog"));
  setWindowTitle(tr("Scenewright User Guide"));
  browser_->setObjectName(QStringLiteral("userGuide"));
  browser_->setOpenLinks(false);
  // Web links go to the browser; links inside the guide that are embedded are followed; other
  // files of the source tree are not shipped.
  connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https") ||
        url.scheme() == QLatin1String("mailto"))
      QDesktopServices::openUrl(url);
    else if (url.hasFragment() && url.path().isEmpty())
      browser_->scrollToAnchor(url.fragment());
    else if (QFile::exists(QLatin1Char(':') + browser_->source().resolved(url).path()))
      browser_->setSource(browser_->source().resolved(url));
  });
  browser_->setSource(QUrl(QString::fromLatin1(kSource)), QTextDocument::MarkdownResource);
  fitImages(browser_->document(), kImageWidth);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(browser_);
  layout->addWidget(buttons);
  resize(900, 720);
}

void addHelpActions(QMainWindow* window, QMenu* help) {
  auto* shortcuts = new QAction(
      QIcon::fromTheme(QStringLiteral("input-keyboard")),
      QCoreApplication::translate("sw::ui::ShortcutsDialog", "&Keyboard Shortcuts"), window);
  shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
  auto* guide =
      new QAction(QIcon::fromTheme(QStringLiteral("help-contents")),
                  QCoreApplication::translate("sw::ui::UserGuideDialog", "User &Guide"), window);
  guide->setObjectName(QStringLiteral("actionUserGuide"));
  guide->setShortcut(QKeySequence::HelpContents);
  auto shortcutsDialog = std::make_shared<QPointer<ShortcutsDialog>>();
  auto guideDialog = std::make_shared<QPointer<UserGuideDialog>>();
  QObject::connect(shortcuts, &QAction::triggered, window,
                   [window, shortcutsDialog] { showOne(*shortcutsDialog, window); });
  QObject::connect(guide, &QAction::triggered, window,
                   [window, guideDialog] { showOne(*guideDialog, window); });
  help->addAction(guide);
  help->addAction(shortcuts);
  help->addSeparator();
}

}  // namespace sw::ui
