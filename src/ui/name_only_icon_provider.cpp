#include "ui/name_only_icon_provider.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QStyle>

namespace sw::ui {

namespace {

QStyle::StandardPixmap standardPixmap(QAbstractFileIconProvider::IconType type) {
  switch (type) {
    case QAbstractFileIconProvider::Computer:
      return QStyle::SP_ComputerIcon;
    case QAbstractFileIconProvider::Desktop:
      return QStyle::SP_DesktopIcon;
    case QAbstractFileIconProvider::Trashcan:
      return QStyle::SP_TrashIcon;
    case QAbstractFileIconProvider::Network:
      return QStyle::SP_DriveNetIcon;
    case QAbstractFileIconProvider::Drive:
      return QStyle::SP_DriveHDIcon;
    case QAbstractFileIconProvider::Folder:
      return QStyle::SP_DirIcon;
    case QAbstractFileIconProvider::File:
      break;
  }
  return QStyle::SP_FileIcon;
}

// Qt's own translations (qtbase catalogue) of the type names Qt's providers show.
QString qtText(const char* text, const char* context = "QAbstractFileIconProvider") {
  return QCoreApplication::translate(context, text);
}

}  // namespace

NameOnlyIconProvider::NameOnlyIconProvider() { setOptions(DontUseCustomDirectoryIcons); }

// The icon theme by name, else the style's pixmap (offscreen and bare X sessions have no theme).
QIcon NameOnlyIconProvider::icon(IconType type) const {
  const QIcon themed = QAbstractFileIconProvider::icon(type);  // theme names: no file access
  return themed.isNull() ? QApplication::style()->standardIcon(standardPixmap(type)) : themed;
}

QIcon NameOnlyIconProvider::icon(const QFileInfo& info) const {
  if (info.isRoot()) return icon(Drive);
  if (info.isDir()) {
    return info.isSymLink() ? QApplication::style()->standardIcon(QStyle::SP_DirLinkIcon)
                            : icon(Folder);
  }
  const QMimeType mime = mimeTypeOf(info);
  QIcon themed = QIcon::fromTheme(mime.iconName());
  if (themed.isNull()) themed = QIcon::fromTheme(mime.genericIconName());
  if (!themed.isNull()) return themed;
  return info.isSymLink() ? QApplication::style()->standardIcon(QStyle::SP_FileLinkIcon)
                          : icon(File);
}

QString NameOnlyIconProvider::type(const QFileInfo& info) const {
  if (info.isRoot()) return qtText("Drive");
  if (info.isDir()) return qtText("Folder");
  if (!info.isFile() && info.isSymLink()) return qtText("Shortcut");
  const QMimeType mime = mimeTypeOf(info);
  if (!mime.isDefault()) return mime.comment().isEmpty() ? mime.name() : mime.comment();
  return info.suffix().isEmpty() ? qtText("File")
                                 : qtText("%1 File", "QFileDialog").arg(info.suffix());
}

QMimeType NameOnlyIconProvider::mimeTypeOf(const QFileInfo& info) const {
  const QList<QMimeType> byName = mimes_.mimeTypesForFileName(info.fileName());
  return byName.isEmpty() ? mimes_.mimeTypeForName(QStringLiteral("application/octet-stream"))
                          : byName.first();
}

}  // namespace sw::ui
