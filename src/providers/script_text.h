// Screenplay files as text, before any parser sees them: the encoding is detected (UTF-8 with or
// without a byte-order mark, UTF-16 LE/BE with a mark or recognised by its zero bytes; anything
// else is read as UTF-8 with invalid bytes replaced) and every line end (CRLF, a lone CR) becomes
// '\n'. The CLI's import-script and the GUI's File > Import Script both read through here.
#pragma once

#include <QByteArray>
#include <QString>

namespace sw::providers {

QString decodeScriptText(const QByteArray& bytes);

// "fountain" when a line starts with a scene heading (INT. / EXT. / EST. / INT./EXT. / I/E),
// else "prose".
QString detectScriptFormat(const QString& text);

}  // namespace sw::providers
