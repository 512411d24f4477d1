// A one-line label that never asks for more width than its neighbours leave it: a long text
// (a scene title, a file path) is elided to the width the layout gives, the full text is the
// tooltip. A title change therefore never resizes the dock or the window around it.
#pragma once

#include <QLabel>

namespace sw::ui {

class ElidedLabel : public QLabel {
  Q_OBJECT
 public:
  explicit ElidedLabel(Qt::TextElideMode mode = Qt::ElideRight, QWidget* parent = nullptr);

  // The full text (plain); what is shown is elided to the label's width. These hide QLabel's
  // text()/setText() so callers keep the usual names.
  void setText(const QString& text);
  QString text() const { return full_; }

  QSize minimumSizeHint() const override;
  QSize sizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void elide();
  Qt::TextElideMode mode_;
  QString full_;
};

}  // namespace sw::ui
