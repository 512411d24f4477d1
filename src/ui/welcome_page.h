// The main window's central area while no project is open: recent projects (newest first; one
// click or Enter opens one; a folder that is gone is shown as missing and can be removed from
// the list), and the ways to start: open the bundled sample project, create a new project, open
// one, or import a screenplay into a new project. Whether a recent folder still exists is
// checked on a worker (a stat of a network folder may take long).
#pragma once

#include <QFutureWatcher>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QCommandLinkButton;
class QVBoxLayout;

namespace sw::ui {

class WelcomePage : public QWidget {
  Q_OBJECT
 public:
  explicit WelcomePage(QWidget* parent = nullptr);
  ~WelcomePage() override;

  // The recent project folders as QSettings keeps them ("recentProjects"), newest first.
  static QStringList recentProjects();
  static void removeRecentProject(const QString& folder);
  // Shown as missing (known once the worker has looked).
  QStringList missingProjects() const { return missing_; }
  bool checked() const { return checked_; }

 Q_SIGNALS:
  void openRecentRequested(const QString& folder);
  void openSampleRequested();
  void newProjectRequested();
  void openProjectRequested();
  void importScreenplayRequested();
  void recentListChanged();  // an entry was removed

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fillRecent();
  void elidePaths();
  void markMissing(const QStringList& missing);

  QVBoxLayout* recentLayout_ = nullptr;
  QStringList recent_;
  QList<QPair<QCommandLinkButton*, QString>> recentButtons_;  // and the folder each opens
  QStringList missing_;
  bool checked_ = false;
  QFutureWatcher<QStringList> check_;
};

}  // namespace sw::ui
