// scenewright: the GUI. `scenewright [PROJECT_FOLDER]` opens the project given.
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include "media/memory_tuning.h"
#include "ui/main_window.h"
#include "ui/ui_application.h"

int main(int argc, char** argv) {
  sw::media::tuneAllocatorForMedia();
  QApplication app(argc, argv);
  sw::ui::setupApplication(app);
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Director's console for AI-generated video."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("project"),
      QApplication::translate("main", "Project folder (NAME.scenewright) to open."));
  parser.process(app);
  sw::ui::MainWindow window;
  window.show();
  if (!parser.positionalArguments().isEmpty())
    window.openProject(QFileInfo(parser.positionalArguments().first()).absoluteFilePath());
  return app.exec();
}
