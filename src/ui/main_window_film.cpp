// File > Render Film...: the dialog and the film running in the background (render/film_render.h).
#include <QStatusBar>

#include "render/app_settings.h"
#include "render/film_render.h"
#include "render/render_estimate.h"
#include "render/render_queue.h"
#include "ui/main_window.h"
#include "ui/project_session.h"
#include "ui/render_film_dialog.h"
#include "ui/render_job_model.h"

namespace sw::ui {

RenderFilmDialog* MainWindow::showRenderFilmDialog() {
  if (!session_) return nullptr;
  auto* dialog = new RenderFilmDialog(session_.get(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  QString reason = renderUnavailableReason();
  if (reason.isEmpty() && film_) reason = tr("A film is being rendered; wait for it to finish.");
  dialog->setRenderAvailable(reason.isEmpty(), reason);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    if (!session_) return;
    try {
      const auto overrides = dialog->overrides();
      for (auto it = overrides.begin(); it != overrides.end(); ++it)
        if (session_->store().sceneTransition(it.key()) != it.value())
          session_->store().setSceneTransition(it.key(), it.value());
      startFilm(dialog->request());
    } catch (const core::Error& e) {
      showError(tr("Render Film"), e.message());
    }
  });
  dialog->open();
  return dialog;
}

void MainWindow::startFilm(render::FilmRequest request) {
  if (!queue_ || film_) return;
  request.backends = render::renderBackends(render::AppSettings::load().backends, request.scene);
  film_ = new render::FilmRender(*queue_, session_->folder(), std::move(request), this);
  connect(film_, &render::FilmRender::progress, this, [this](const QString& stage, double pct) {
    if (film_ && !film_->result().sceneJobs.isEmpty() && stage.startsWith(QLatin1String("scene")))
      jobs_->reload();  // the scene jobs the film queued show in the queue dock
    statusBar()->showMessage(tr("Film: %1 (%2%)").arg(stage).arg(int(pct)));
  });
  connect(film_, &render::FilmRender::finished, this, [this](bool ok) {
    const render::FilmResult r = film_->result();
    film_->deleteLater();
    film_ = nullptr;
    jobs_->reload();
    if (ok)
      statusBar()->showMessage(tr("Film rendered: %1").arg(r.output), 10000);
    else
      showError(tr("Render Film"), tr("The film was not rendered: %1").arg(r.error));
  });
  film_->start();
}

}  // namespace sw::ui
