// Preferences where no keychain runs (issue 9): opened and closed again and again, it never
// crashes and every key status says where the keys come from (the environment). Two
// environments, one per test case: each ctest test is its own process, and a process reads its
// D-Bus address once, so each case sets it first, before anything touches D-Bus (the test main
// does not: it only makes the QApplication, on the offscreen platform).
//  (a) no D-Bus at all: the session bus address names a socket that does not exist;
//  (b) a private session bus (dbus-daemon, started here) with no Secret Service on it.
#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>

#include "providers/cloud/service_config.h"
#include "ui/main_window.h"
#include "ui/preferences_dialog.h"
#include "ui_test_support.h"

using sw::providers::cloud::Service;
using sw::ui::MainWindow;
using sw::ui::PreferencesDialog;

namespace {

// A safety net for waits on threads and processes, never an assertion about speed.
constexpr int kLimitMs = 60000;

const QList<Service> kServices = {Service::Replicate, Service::ElevenLabs, Service::OpenAI,
                                  Service::Ollama};

// One key in the environment, the others unset: the status says which is which.
void keysInEnvironment() {
  qputenv("REPLICATE_API_TOKEN", "r8_from_the_environment");
  qunsetenv("ELEVENLABS_API_KEY");
  qunsetenv("OPENAI_API_KEY");
}

QLabel* statusLabel(QWidget* dialog, Service service) {
  return dialog->findChild<QLabel*>(
      QStringLiteral("keyStatus_%1").arg(sw::providers::cloud::serviceId(service)));
}

bool statusesFilled(QWidget* dialog) {
  for (Service service : kServices) {
    const QLabel* label = statusLabel(dialog, service);
    if (!label || label->text() == PreferencesDialog::tr("Checking…")) return false;
  }
  return true;
}

// Each status label is as tall as its wrapped text needs (the dialog grows to fit).
bool statusesShownWhole(QWidget* dialog) {
  for (Service service : kServices) {
    const QLabel* label = statusLabel(dialog, service);
    if (label->height() < label->heightForWidth(label->width())) return false;
  }
  return true;
}

QString statuses(QWidget* dialog) {
  QStringList lines;
  for (Service service : kServices)
    if (const QLabel* label = statusLabel(dialog, service)) lines << label->text();
  return lines.join(QLatin1Char('\n'));
}

void expectKeysFromEnvironment(QWidget* dialog) {
  const QString replicate = statusLabel(dialog, Service::Replicate)->text();
  EXPECT_TRUE(replicate.startsWith(QStringLiteral("Replicate: API key from REPLICATE_API_TOKEN")))
      << replicate.toStdString();
  for (Service service : {Service::ElevenLabs, Service::OpenAI}) {
    const QString text = statusLabel(dialog, service)->text();
    EXPECT_TRUE(text.startsWith(QStringLiteral("%1: no API key; enter it in Settings or set %2")
                                    .arg(sw::providers::cloud::serviceName(service),
                                         sw::providers::cloud::keyVariable(service))))
        << text.toStdString();
  }
  EXPECT_EQ(statusLabel(dialog, Service::Ollama)->text(), QStringLiteral("Ollama: no key needed"));
  EXPECT_FALSE(statuses(dialog).contains(QStringLiteral("from the system keychain")));
}

QPointer<PreferencesDialog> openPreferences(MainWindow& window) {
  window.action(QStringLiteral("actionPreferences"))->trigger();
  return window.findChild<PreferencesDialog*>();
}

// Opens Preferences ten times, each time waiting for every key status (and for it to be shown
// whole on the "Cloud services" tab); then ten more times
// closing it at once, while its keychain reads are still on their way.
void openAndCloseTenTimes() {
  MainWindow window;
  window.show();
  for (int round = 0; round < 10; ++round) {
    QPointer<PreferencesDialog> dialog = openPreferences(window);
    ASSERT_TRUE(dialog) << "round " << round;
    ASSERT_TRUE(sw::ui::test::spinUntil([&] { return statusesFilled(dialog); }))
        << "round " << round << ":\n"
        << statuses(dialog).toStdString();
    expectKeysFromEnvironment(dialog);
    dialog->findChild<QTabWidget*>()->setCurrentIndex(1);  // "Cloud services"
    // The layouts settle within a few event rounds; 200 rounds is a cap, not a speed goal.
    ASSERT_TRUE(sw::ui::test::spinUntil([&] { return statusesShownWhole(dialog); }, 200))
        << "round " << round << ": a key status is cut off";
    if (round == 0) std::printf("key statuses:\n%s\n", qPrintable(statuses(dialog)));
    dialog->close();  // WA_DeleteOnClose
    ASSERT_TRUE(sw::ui::test::spinUntil([&] { return dialog.isNull(); })) << "round " << round;
  }
  for (int round = 0; round < 10; ++round) {
    QPointer<PreferencesDialog> dialog = openPreferences(window);
    ASSERT_TRUE(dialog) << "quick round " << round;
    dialog->close();
    ASSERT_TRUE(sw::ui::test::spinUntil([&] { return dialog.isNull(); }))
        << "quick round " << round;
  }
  // The reads of the dialogs closed early end on their own (each bounded by the keychain
  // timeout); let them, before the application goes away.
  EXPECT_TRUE(QThreadPool::globalInstance()->waitForDone(kLimitMs));
}

// dbus-daemon on a socket in a temporary folder. Its configuration is a session bus's without
// service folders: `--session` would read the system's, where a desktop's gnome-keyring
// registers org.freedesktop.secrets, so nothing could be activated here. Stopped on destruction.
class PrivateSessionBus {
 public:
  PrivateSessionBus() {
    const QString program = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (program.isEmpty()) {
      error_ = "dbus-daemon is not installed (Debian package dbus-daemon, see scripts/deps.txt)";
      return;
    }
    QFile config(dir_.filePath(QStringLiteral("session.conf")));
    if (!config.open(QIODevice::WriteOnly)) {
      error_ = "cannot write the bus configuration";
      return;
    }
    config.write(QStringLiteral(R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)")
                     .arg(dir_.filePath(QStringLiteral("bus")))
                     .toUtf8());
    config.close();
    daemon_.setProcessChannelMode(QProcess::SeparateChannels);
    daemon_.start(program, {QStringLiteral("--config-file=") + config.fileName(),
                            QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    if (!daemon_.waitForStarted(kLimitMs)) {
      error_ = "dbus-daemon did not start: " + daemon_.errorString().toStdString();
      return;
    }
    // It prints its address on one line once it listens.
    const bool printed = sw::ui::test::spinUntil([&] {
      output_ += daemon_.readAllStandardOutput();
      return output_.contains('\n') || daemon_.state() != QProcess::Running;
    });
    address_ = QString::fromUtf8(output_.left(output_.indexOf('\n'))).trimmed();
    if (!printed || address_.isEmpty())
      error_ = "dbus-daemon printed no address: " + daemon_.readAllStandardError().toStdString();
  }
  ~PrivateSessionBus() {
    if (daemon_.state() == QProcess::NotRunning) return;
    daemon_.terminate();
    if (!daemon_.waitForFinished(5000)) {
      daemon_.kill();
      daemon_.waitForFinished(5000);
    }
  }
  PrivateSessionBus(const PrivateSessionBus&) = delete;
  PrivateSessionBus& operator=(const PrivateSessionBus&) = delete;

  QString address() const { return address_; }
  std::string error() const { return error_; }

 private:
  QTemporaryDir dir_;
  QProcess daemon_;
  QByteArray output_;
  QString address_;
  std::string error_;
};

}  // namespace

TEST(UiKeychain, PreferencesTenTimesWithoutDBus) {
  QTemporaryDir dir;
  qputenv("DBUS_SESSION_BUS_ADDRESS",
          QStringLiteral("unix:path=%1").arg(dir.filePath(QStringLiteral("no-bus"))).toUtf8());
  keysInEnvironment();
  openAndCloseTenTimes();
}

TEST(UiKeychain, PreferencesTenTimesOnABusWithoutSecretService) {
  PrivateSessionBus bus;
  ASSERT_TRUE(bus.error().empty()) << bus.error();
  qputenv("DBUS_SESSION_BUS_ADDRESS", bus.address().toUtf8());
  keysInEnvironment();
  openAndCloseTenTimes();
}
