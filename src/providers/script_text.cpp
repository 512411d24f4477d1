#include "providers/script_text.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace sw::providers {

namespace {

// UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte.
std::optional<QStringConverter::Encoding> utf16ByZeros(const QByteArray& bytes) {
  const qsizetype n = std::min<qsizetype>(bytes.size() & ~qsizetype(1), 4096);
  if (n < 4) return std::nullopt;
  qsizetype evenZeros = 0, oddZeros = 0;
  for (qsizetype i = 0; i < n; i += 2) {
    evenZeros += bytes[i] == '\0';
    oddZeros += bytes[i + 1] == '\0';
  }
  const qsizetype pairs = n / 2;
  if (oddZeros * 10 >= pairs * 9 && evenZeros * 10 < pairs) return QStringConverter::Utf16LE;
  if (evenZeros * 10 >= pairs * 9 && oddZeros * 10 < pairs) return QStringConverter::Utf16BE;
  return std::nullopt;
}

}  // namespace

QString decodeScriptText(const QByteArray& bytes) {
  QStringConverter::Encoding encoding = QStringConverter::Utf8;
  if (const auto fromMark = QStringConverter::encodingForData(bytes))
    encoding = *fromMark;
  else if (const auto fromZeros = utf16ByZeros(bytes))
    encoding = *fromZeros;
  QStringDecoder decode(encoding);  // drops a leading byte-order mark
  QString text = decode(bytes);
  text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), '\n');
  return text;
}

QString detectScriptFormat(const QString& text) {
  static const QRegularExpression heading(
      QStringLiteral("^\\s*(INT|EXT|EST|INT\\.?/EXT|I/E)[\\.\\s]"),
      QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
  return heading.match(text).hasMatch() ? QStringLiteral("fountain") : QStringLiteral("prose");
}

}  // namespace sw::providers
