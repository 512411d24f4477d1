<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Play &amp;Backward (J, again: faster)</source>
        <translation>&amp;Rückwärts abspielen (J, erneut: schneller)</translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation>&amp;Pause (K)</translation>
    </message>
    <message>
        <source>Play &amp;Forward (L, again: faster)</source>
        <translation>&amp;Vorwärts abspielen (L, erneut: schneller)</translation>
    </message>
    <message>
        <source>One Frame Bac&amp;k</source>
        <translation>Ein Bild &amp;zurück</translation>
    </message>
    <message>
        <source>One Frame For&amp;ward</source>
        <translation>Ein Bild &amp;weiter</translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation>Zum &amp;Anfang</translation>
    </message>
    <message>
        <source>Go to &amp;End</source>
        <translation>Zum &amp;Ende</translation>
    </message>
    <message>
        <source>&amp;Previous Seam</source>
        <translation>Vor&amp;herige Nahtstelle</translation>
    </message>
    <message>
        <source>&amp;Next Seam</source>
        <translation>&amp;Nächste Nahtstelle</translation>
    </message>
</context>
<context>
    <name>sw::ui::AssetRegenerateDialog</name>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>the narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>The narrator voice is the project&apos;s: every scene&apos;s narration uses it.</source>
        <translation>Die Erzählerstimme gehört zum Projekt: Die Erzählung jeder Szene verwendet sie.</translation>
    </message>
    <message>
        <source>a dialogue line</source>
        <translation>Dialogzeile</translation>
    </message>
    <message>
        <source>a line of %1</source>
        <translation>Zeile von %1</translation>
    </message>
    <message>
        <source>The voice is the character&apos;s: their other lines need new takes after a change.</source>
        <translation>Die Stimme gehört zur Figur: Nach einer Änderung brauchen ihre anderen Zeilen neue Aufnahmen.</translation>
    </message>
    <message>
        <source>the music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>a sound effect</source>
        <translation>Soundeffekt</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>the reference image</source>
        <translation>Referenzbild</translation>
    </message>
    <message>
        <source>The prompt is the scene&apos;s visual prompt: chunks that follow it need new takes.</source>
        <translation>Der Prompt ist der Bild-Prompt der Szene: Abschnitte, die ihm folgen, brauchen neue Aufnahmen.</translation>
    </message>
    <message>
        <source>Regenerate %1</source>
        <translation>%1 neu erzeugen</translation>
    </message>
    <message>
        <source>The speech service&apos;s default voice</source>
        <translation>Standardstimme des Sprachdienstes</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Stimme:</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>Stimmung:</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Next take</source>
        <translation>Nächste Aufnahme</translation>
    </message>
    <message>
        <source>Next seed</source>
        <translation>Nächster Seed</translation>
    </message>
    <message>
        <source>Take:</source>
        <translation>Aufnahme:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>The current one is kept; the new one is used from now on.</source>
        <translation>Die aktuelle bleibt erhalten; ab jetzt wird die neue verwendet.</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>As long as the scene</source>
        <translation>So lang wie die Szene</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long this take of the music is; the render cuts a longer one to the video, a shorter one ends early.</source>
        <translation>Wie lang diese Fassung der Musik ist; das Rendern kürzt eine längere auf das Video, eine kürzere endet früher.</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
</context>
<context>
    <name>sw::ui::AudioTakesPanel</name>
    <message>
        <source>Every take of this sound; double-click one to use it.</source>
        <translation>Alle Fassungen dieses Klangs; Doppelklick verwendet eine.</translation>
    </message>
    <message>
        <source>&amp;Use take</source>
        <translation>Fassung &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Neu erzeugen…</translation>
    </message>
    <message>
        <source>Make a new take with changed inputs; this one is kept.</source>
        <translation>Eine neue Fassung mit geänderten Eingaben erzeugen; diese bleibt erhalten.</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Dialogue line</source>
        <translation>Dialogzeile</translation>
    </message>
    <message>
        <source>Sound effect</source>
        <translation>Geräusch</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1: %n take(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1: %n Fassung&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%1: %n Fassungen&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No sound selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Klang ausgewählt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Take %1 (in use)</source>
        <translation>Fassung %1 (verwendet)</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>Fassung %1</translation>
    </message>
    <message>
        <source>take no. %1</source>
        <translation>Fassung Nr. %1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
provider %2, model %3</source>
        <translation>%1
Anbieter %2, Modell %3</translation>
    </message>
    <message>
        <source>Use take %1</source>
        <translation>Fassung %1 verwenden</translation>
    </message>
</context>
<context>
    <name>sw::ui::BackupDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Recover the Project</source>
        <translation>Projekt wiederherstellen</translation>
    </message>
    <message>
        <source>Choose a backup of %1 to restore. Its current state is backed up first, so the restore can be undone from File ▸ Restore Backup.</source>
        <translation>Wählen Sie eine Sicherung von %1 zum Wiederherstellen. Der aktuelle Stand wird vorher gesichert, sodass sich die Wiederherstellung unter Datei ▸ Sicherung wiederherstellen rückgängig machen lässt.</translation>
    </message>
    <message>
        <source>%1

Choose one of its backups to restore. The damaged file is kept in its backups folder; nothing is deleted.</source>
        <translation>%1

Wählen Sie eine seiner Sicherungen zum Wiederherstellen. Die beschädigte Datei bleibt im Sicherungsordner erhalten; nichts wird gelöscht.</translation>
    </message>
    <message>
        <source>Looking for backups…</source>
        <translation>Suche nach Sicherungen…</translation>
    </message>
    <message>
        <source>%1 (before a restore) · %2</source>
        <translation>%1 (vor einer Wiederherstellung) · %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 has no backups (Scenewright keeps them in its backups folder).</source>
        <translation>%1 hat keine Sicherungen (Scenewright legt sie in seinem Ordner backups ab).</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), newest first:</source>
        <translation>
            <numerusform>%n Sicherung, neueste zuerst:</numerusform>
            <numerusform>%n Sicherungen, neueste zuerst:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::CharacterModel</name>
    <message>
        <source>Character</source>
        <translation>Figur</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>character name</source>
        <translation>Figurenname</translation>
    </message>
    <message>
        <source>voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Add character &quot;%1&quot;</source>
        <translation>Figur „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Delete character &quot;%1&quot;</source>
        <translation>Figur „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkInspector</name>
    <message>
        <source>Click a take to make it the chunk&apos;s active one.</source>
        <translation>Klicken Sie auf eine Aufnahme, um sie für den Abschnitt zu verwenden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Takes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aufnahmen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>Neuer Seed</translation>
    </message>
    <message>
        <source>Pick a random seed for the next take</source>
        <translation>Einen zufälligen Seed für die nächste Aufnahme wählen</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Scene&apos;s model</source>
        <translation>Modell der Szene</translation>
    </message>
    <message>
        <source>&lt;b&gt;No chunk selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Abschnitt ausgewählt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chunk %1 of %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Abschnitt %1 von %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Generate a new take with the prompt, seed and model above; the current take is kept.</source>
        <translation>Eine neue Aufnahme mit obigem Prompt, Seed und Modell erzeugen; die aktuelle Aufnahme bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Regenerate %n stale chunk(s)</source>
        <translation>
            <numerusform>%n veralteten Abschnitt neu erzeugen</numerusform>
            <numerusform>%n veraltete Abschnitte neu erzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>These chunks started from an older last frame of the chunk before them.</source>
        <translation>Diese Abschnitte beginnen mit einem älteren letzten Bild des vorherigen Abschnitts.</translation>
    </message>
    <message>
        <source>Use take %1</source>
        <translation>Aufnahme %1 verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop generating; takes already finished are kept.</source>
        <translation>Erzeugen abbrechen; bereits fertige Aufnahmen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Follows the scene: %1</source>
        <translation>Folgt der Szene: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Generate 4 takes…</source>
        <translation>4 Aufnahmen erzeugen…</translation>
    </message>
    <message>
        <source>Generate several takes at once, each with its own seed, and pick one side by side (the cost is shown before starting).</source>
        <translation>Mehrere Aufnahmen auf einmal erzeugen, jede mit eigenem Seed, und eine im direkten Vergleich auswählen (die Kosten werden vor dem Start angezeigt).</translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Wird erzeugt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Chunk %1 (%2)</source>
        <translation>Abschnitt %1 (%2)</translation>
    </message>
    <message>
        <source>Out of date</source>
        <translation>Nicht aktuell</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Nicht verwendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>kept as it is (%1)</source>
        <translation>unverändert behalten (%1)</translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkRegenerator</name>
    <message>
        <source>Chunk %1 was deleted before it could be regenerated.</source>
        <translation>Abschnitt %1 wurde gelöscht, bevor er neu erzeugt werden konnte.</translation>
    </message>
    <message>
        <source>New take of chunk %1</source>
        <translation>Neue Aufnahme von Abschnitt %1</translation>
    </message>
    <message>
        <source>The render queue did not accept the regeneration of chunk %1.</source>
        <translation>Die Render-Warteschlange hat das Neuerzeugen von Abschnitt %1 nicht angenommen.</translation>
    </message>
</context>
<context>
    <name>sw::ui::ContinuityInspector</name>
    <message>
        <source>Continuity</source>
        <translation>Kontinuität</translation>
    </message>
    <message>
        <source>Seam %1: chunk %2 → chunk %3</source>
        <translation>Übergang %1: Abschnitt %2 → Abschnitt %3</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>Wird dekodiert…</translation>
    </message>
    <message>
        <source>Last frame of chunk %1</source>
        <translation>Letztes Bild von Abschnitt %1</translation>
    </message>
    <message>
        <source>First frame of chunk %1</source>
        <translation>Erstes Bild von Abschnitt %1</translation>
    </message>
    <message>
        <source>Measuring the join…</source>
        <translation>Übergang wird gemessen…</translation>
    </message>
    <message>
        <source>Regenerate Chunk %1</source>
        <translation>Abschnitt %1 neu erzeugen</translation>
    </message>
    <message>
        <source>Generate a new take of chunk %1, the chunk after this seam (kept as a take).</source>
        <translation>Eine neue Aufnahme von Abschnitt %1 erzeugen, dem Abschnitt nach diesem Übergang (wird als Aufnahme behalten).</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Cannot look at this seam: %1</source>
        <translation>Dieser Übergang kann nicht untersucht werden: %1</translation>
    </message>
    <message>
        <source>⚠ The picture jumps here: it changes %1× more across the join than the chunks&apos; own motion (%2 against %3 grey levels). Regenerate chunk %4 to continue from chunk %5&apos;s last frame.</source>
        <translation>⚠ Das Bild springt hier: Es ändert sich am Übergang %1× stärker als durch die Bewegung in den Abschnitten selbst (%2 gegenüber %3 Graustufen). Erzeugen Sie Abschnitt %4 neu, damit er am letzten Bild von Abschnitt %5 anschließt.</translation>
    </message>
    <message>
        <source>Continuous: %1 grey levels across the join, %2× the chunks&apos; own motion (%3).</source>
        <translation>Fließend: %1 Graustufen am Übergang, %2× die Bewegung in den Abschnitten selbst (%3).</translation>
    </message>
    <message>
        <source>A crossfade hides the join.</source>
        <translation>Eine Überblendung verdeckt den Übergang.</translation>
    </message>
    <message>
        <source>This scene has no seams: it has fewer than two chunks.</source>
        <translation>Diese Szene hat keine Übergänge: Sie hat weniger als zwei Abschnitte.</translation>
    </message>
    <message>
        <source>Select a scene to see its seams.</source>
        <translation>Wählen Sie eine Szene, um ihre Übergänge zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Looking at %n seam(s)…</source>
        <translation>
            <numerusform>%n Übergang wird untersucht…</numerusform>
            <numerusform>%n Übergänge werden untersucht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seam(s), none jumps.</source>
        <translation>
            <numerusform>%n Übergang, kein Sprung.</numerusform>
            <numerusform>%n Übergänge, keiner springt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seam(s) jump.</source>
        <translation>
            <numerusform>%n Übergang springt.</numerusform>
            <numerusform>%n Übergänge springen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chunk %1 has no take yet.</source>
        <translation>Abschnitt %1 hat noch keine Aufnahme.</translation>
    </message>
    <message>
        <source>%1 or %2 has no pictures at the seam.</source>
        <translation>%1 oder %2 hat am Übergang keine Bilder.</translation>
    </message>
</context>
<context>
    <name>sw::ui::DialogueModel</name>
    <message>
        <source>Character</source>
        <translation>Figur</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>dialogue line</source>
        <translation>Dialogzeile</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Add dialogue line</source>
        <translation>Dialogzeile hinzufügen</translation>
    </message>
    <message>
        <source>Delete dialogue line</source>
        <translation>Dialogzeile löschen</translation>
    </message>
    <message>
        <source>Lip sync: the render sends the picture under this line with its voice to the lip-sync backend and splices the synced frames back (for a speaker whose face is on screen).</source>
        <translation>Lippensynchron: Der Render schickt das Bild unter dieser Zeile mit ihrer Stimme an das Lippensynchron-Backend und setzt die synchronisierten Bilder wieder ein (für eine Sprecherin oder einen Sprecher, deren Gesicht im Bild ist).</translation>
    </message>
    <message>
        <source>Lip sync</source>
        <translation>Lippensynchron</translation>
    </message>
    <message>
        <source>lip sync</source>
        <translation>Lippensynchronität</translation>
    </message>
    <message>
        <source>Lip sync a line</source>
        <translation>Zeile lippensynchron machen</translation>
    </message>
    <message>
        <source>Stop lip-syncing a line</source>
        <translation>Zeile nicht mehr lippensynchron machen</translation>
    </message>
</context>
<context>
    <name>sw::ui::EditorMenus</name>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>Use &amp;Take</source>
        <translation>&amp;Aufnahme verwenden</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>&amp;Copy Prompt</source>
        <translation>Prompt &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Use This Take</source>
        <translation>Diese Aufnahme &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete sound effect</source>
        <translation>Soundeffekt löschen</translation>
    </message>
    <message>
        <source>Delete dialogue line</source>
        <translation>Dialogzeile löschen</translation>
    </message>
    <message>
        <source>De&amp;lete Scene…</source>
        <translation>Szene &amp;löschen…</translation>
    </message>
    <message>
        <source>Show Project &amp;Folder</source>
        <translation>Projekt&amp;ordner zeigen</translation>
    </message>
    <message>
        <source>Check &amp;Continuity…</source>
        <translation>&amp;Kontinuität prüfen…</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Neu erzeugen…</translation>
    </message>
    <message>
        <source>This sound effect plays a file of your own.</source>
        <translation>Dieser Soundeffekt spielt eine eigene Datei ab.</translation>
    </message>
    <message>
        <source>A new take with the inputs you choose; the current one is kept.</source>
        <translation>Eine neue Aufnahme mit den von Ihnen gewählten Eingaben; die aktuelle bleibt erhalten.</translation>
    </message>
    <message>
        <source>Regenerate Reference &amp;Image…</source>
        <translation>Referenz&amp;bild neu erzeugen…</translation>
    </message>
    <message>
        <source>Generate 4 Reference Images…</source>
        <translation>4 Referenzbilder erzeugen…</translation>
    </message>
    <message>
        <source>&amp;Keep as Is</source>
        <translation>&amp;Unverändert behalten</translation>
    </message>
    <message>
        <source>Render this take as it is, although %1; a new take ends it.</source>
        <translation>Diesen Take unverändert rendern, obwohl %1; ein neuer Take beendet das.</translation>
    </message>
    <message>
        <source>Only a stale or out-of-date take can be kept as it is.</source>
        <translation>Nur ein veralteter Take kann unverändert behalten werden.</translation>
    </message>
    <message>
        <source>Keep chunk as is</source>
        <translation>Abschnitt unverändert behalten</translation>
    </message>
    <message>
        <source>Stop keeping chunk as is</source>
        <translation>Abschnitt nicht mehr unverändert behalten</translation>
    </message>
    <message>
        <source>Use a &amp;File…</source>
        <translation>&amp;Datei verwenden…</translation>
    </message>
    <message>
        <source>Replace this sound with an audio file of your own; the current one is kept as a take.</source>
        <translation>Diesen Klang durch eine eigene Audiodatei ersetzen; der jetzige bleibt als Fassung erhalten.</translation>
    </message>
    <message>
        <source>Use a Sound File</source>
        <translation>Eine Audiodatei verwenden</translation>
    </message>
    <message>
        <source>Sound files (*.wav *.mp3 *.flac *.ogg *.m4a *.aac *.opus);;All files (*)</source>
        <translation>Audiodateien (*.wav *.mp3 *.flac *.ogg *.m4a *.aac *.opus);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>sw::ui::FarmPoller</name>
    <message>
        <source>Fetched %1, failed %2, cancelled %3, still on the cluster %4.</source>
        <translation>Abgeholt %1, fehlgeschlagen %2, abgebrochen %3, noch auf dem Cluster %4.</translation>
    </message>
    <message>
        <source>Fetching the farm&apos;s renders failed: %1</source>
        <translation>Das Abholen der Renderings der Farm ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>sw::ui::FarmSubmission</name>
    <message>
        <source>scenewright-cli was not found next to the app (%1) or in %2: install it with the app; the cluster&apos;s nodes run it to render.</source>
        <translation>scenewright-cli wurde weder neben der App (%1) noch in %2 gefunden: Installieren Sie es mit der App; die Knoten des Clusters rendern damit.</translation>
    </message>
    <message>
        <source>a scene&apos;s bundle was not written (job %1)</source>
        <translation>das Bundle einer Szene wurde nicht geschrieben (Auftrag %1)</translation>
    </message>
    <message>
        <source>Nothing was submitted to the cluster: %1</source>
        <translation>Nichts wurde an den Cluster übergeben: %1</translation>
    </message>
</context>
<context>
    <name>sw::ui::FarmTargetBox</name>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Diesem Rechner</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm-Cluster</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>A folder this machine and every node see</source>
        <translation>Ein Ordner, den dieser Rechner und jeder Knoten sehen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Spool folder:</source>
        <translation>Spool-Ordner:</translation>
    </message>
    <message>
        <source>The cluster&apos;s default</source>
        <translation>Standard des Clusters</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <source>Spool Folder</source>
        <translation>Spool-Ordner</translation>
    </message>
</context>
<context>
    <name>sw::ui::FileDialogs</name>
    <message>
        <source>%1 is a database file that only Scenewright&apos;s store may open. Choose another file.</source>
        <translation>%1 ist eine Datenbankdatei, die nur der Projektspeicher von Scenewright öffnen darf. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>sw::ui::JobCard</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry failed parts</source>
        <translation>Fehlgeschlagene Teile wiederholen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>Failed while %1: %2</source>
        <translation>Fehler beim Schritt „%1“: %2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>The rendered file is no longer at %1.</source>
        <translation>Die gerenderte Datei liegt nicht mehr unter %1.</translation>
    </message>
    <message>
        <source>Play the video in the preview</source>
        <translation>Das Video in der Vorschau abspielen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Every step of this job: inputs, model, output, cost, time and warnings</source>
        <translation>Jeder Schritt dieses Auftrags: Eingaben, Modell, Ausgabe, Kosten, Zeit und Warnungen</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Kosten: %1</translation>
    </message>
    <message>
        <source>What this job&apos;s generations cost so far (every run of it)</source>
        <translation>Was die Erzeugungen dieses Auftrags bisher gekostet haben (alle Durchläufe)</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Abholen</translation>
    </message>
</context>
<context>
    <name>sw::ui::JobLogDialog</name>
    <message>
        <source>Job Log: %1</source>
        <translation>Auftragsprotokoll: %1</translation>
    </message>
    <message>
        <source>Reading the job&apos;s events…</source>
        <translation>Die Ereignisse des Auftrags werden gelesen…</translation>
    </message>
    <message>
        <source>Could not read the job&apos;s events: %1</source>
        <translation>Die Ereignisse des Auftrags konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>Ausgabe: %1</translation>
    </message>
</context>
<context>
    <name>sw::ui::JobLogModel</name>
    <message>
        <source>%1 (%2)
%3</source>
        <translation>%1 (%2)
%3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
</context>
<context>
    <name>sw::ui::LaneClip</name>
    <message>
        <source>%1 s to %2 s</source>
        <translation>%1 s bis %2 s</translation>
    </message>
    <message>
        <source>Not generated yet (length estimated)</source>
        <translation>Noch nicht erzeugt (Länge geschätzt)</translation>
    </message>
    <message>
        <source>Not played: the scene ends at %1 s</source>
        <translation>Nicht abgespielt: Die Szene endet bei %1 s</translation>
    </message>
    <message>
        <source>cut at %1 s</source>
        <translation>bei %1 s abgeschnitten</translation>
    </message>
</context>
<context>
    <name>sw::ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Import Script…</source>
        <translation>Drehbuch &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Add &amp;Scene</source>
        <translation>&amp;Szene hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Duplicate Scene</source>
        <translation>Szene &amp;duplizieren</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>De&amp;lete Scene</source>
        <translation>Szene &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Render Scene…</source>
        <translation>Szene &amp;rendern…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>Preview &amp;Last Render</source>
        <translation>&amp;Letztes Rendering ansehen</translation>
    </message>
    <message>
        <source>Last render: %1</source>
        <translation>Letztes Rendering: %1</translation>
    </message>
    <message>
        <source>&amp;About Scenewright</source>
        <translation>Ü&amp;ber Scenewright</translation>
    </message>
    <message>
        <source>About Scenewright</source>
        <translation>Über Scenewright</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenewright %1&lt;/b&gt;&lt;p&gt;A director&apos;s console for AI-generated video.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Scenewright %1&lt;/b&gt;&lt;p&gt;Ein Regiepult für KI-generierte Videos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Restore &amp;Backup</source>
        <translation>Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Scene</source>
        <translation>&amp;Szene</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Render Queue</source>
        <translation>Render-Warteschlange</translation>
    </message>
    <message>
        <source>Scenewright</source>
        <translation>Scenewright</translation>
    </message>
    <message>
        <source>%1[*] — Scenewright</source>
        <translation>%1[*] — Scenewright</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Render the selected scenes (Ctrl+R)</source>
        <translation>Die ausgewählten Szenen rendern (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Gesichert als %1</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Sicherung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>Die Änderung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Chunk %1</source>
        <translation>Abschnitt %1</translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation>Noch nichts zur Vorschau.</translation>
    </message>
    <message>
        <source>%1: no generated chunks to preview yet.</source>
        <translation>%1: noch keine erzeugten Abschnitte zur Vorschau.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chunk(s) in sequence</source>
        <translation>
            <numerusform>%1: %n Abschnitt nacheinander</numerusform>
            <numerusform>%1: %n Abschnitte nacheinander</numerusform>
        </translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Scenewright project (*.scenewright)</source>
        <translation>Scenewright-Projekt (*.scenewright)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 already holds a project. Choose another folder.</source>
        <translation>%1 enthält bereits ein Projekt. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>Sicherung vom %1</translation>
    </message>
    <message>
        <source>No backups yet</source>
        <translation>Noch keine Sicherungen</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the project with the backup from %1?
The current state is backed up first, so this can be reverted from the same menu.</source>
        <translation>Das Projekt durch die Sicherung vom %1 ersetzen?
Der aktuelle Stand wird vorher gesichert und kann über dasselbe Menü zurückgeholt werden.</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>Sicherung kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Import Script</source>
        <translation>Drehbuch importieren</translation>
    </message>
    <message>
        <source>Fountain screenplay (*.fountain *.spmd *.txt)</source>
        <translation>Fountain-Drehbuch (*.fountain *.spmd *.txt)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Nichts importiert</translation>
    </message>
    <message>
        <source>%1 has no scenes (scene headings start with INT. or EXT.).</source>
        <translation>%1 enthält keine Szenen (Szenenüberschriften beginnen mit INT. oder EXT.).</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>The render engine could not be started for this project.</source>
        <translation>Die Render-Engine konnte für dieses Projekt nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Render finished: %1</source>
        <translation>Rendern abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Render failed: %1</source>
        <translation>Rendern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Select the scenes to render first.</source>
        <translation>Wählen Sie zuerst die zu rendernden Szenen aus.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n render(s).</source>
        <translation>
            <numerusform>%n Rendering eingereiht.</numerusform>
            <numerusform>%n Renderings eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>A take is being generated.</source>
        <translation>Eine Aufnahme wird gerade erzeugt.</translation>
    </message>
    <message>
        <source>Regenerate failed</source>
        <translation>Neu erzeugen fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>New take ready; %n later chunk(s) marked stale.</source>
        <translation>
            <numerusform>Neue Aufnahme fertig; %n folgender Abschnitt als veraltet markiert.</numerusform>
            <numerusform>Neue Aufnahme fertig; %n folgende Abschnitte als veraltet markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation>Video speichern unter</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>Copying to %1…</source>
        <translation>Wird nach %1 kopiert…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot save the video</source>
        <translation>Video kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not write %1 (check free space and permissions).</source>
        <translation>%1 konnte nicht geschrieben werden (freien Speicher und Zugriffsrechte prüfen).</translation>
    </message>
    <message>
        <source>Closing when the project copy is finished…</source>
        <translation>Wird geschlossen, sobald die Projektkopie fertig ist…</translation>
    </message>
    <message>
        <source>Copying the project to %1…</source>
        <translation>Projekt wird nach %1 kopiert…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Backup restored; the replaced state was backed up first.</source>
        <translation>Sicherung wiederhergestellt; der ersetzte Stand wurde vorher gesichert.</translation>
    </message>
    <message>
        <source>Generating a new take of chunk %1… %2%</source>
        <translation>Neue Aufnahme von Abschnitt %1 wird erzeugt… %2 %</translation>
    </message>
    <message>
        <source>Regenerating chunk %1 (%2 of %3)… %4%</source>
        <translation>Abschnitt %1 wird neu erzeugt (%2 von %3)… %4 %</translation>
    </message>
    <message numerus="yes">
        <source>Regeneration cancelled; %n new take(s) kept.</source>
        <translation>
            <numerusform>Neu erzeugen abgebrochen; %n neue Aufnahme behalten.</numerusform>
            <numerusform>Neu erzeugen abgebrochen; %n neue Aufnahmen behalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerated %n chunk(s).</source>
        <translation>
            <numerusform>%n Abschnitt neu erzeugt.</numerusform>
            <numerusform>%n Abschnitte neu erzeugt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 Kopie</translation>
    </message>
    <message>
        <source>Play&amp;back</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another file.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>&amp;Continuity Inspector…</source>
        <translation>&amp;Kontinuitätsprüfung…</translation>
    </message>
    <message>
        <source>Preparing the scene as rendered (480p preview)… %1%</source>
        <translation>Szene wird wie gerendert vorbereitet (480p-Vorschau)… %1 %</translation>
    </message>
    <message>
        <source>%1 as rendered (480p preview)</source>
        <translation>%1 wie gerendert (480p-Vorschau)</translation>
    </message>
    <message>
        <source>Generating a new take…</source>
        <translation>Neue Aufnahme wird erzeugt…</translation>
    </message>
    <message>
        <source>Copying %1 into the asset cache…</source>
        <translation>%1 wird in den Asset-Cache kopiert…</translation>
    </message>
    <message>
        <source>Cannot use the dropped file</source>
        <translation>Die abgelegte Datei kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>Abgebrochen: %1.</translation>
    </message>
    <message>
        <source>Paused: %1. Resume on its card continues it.</source>
        <translation>Pausiert: %1. „Fortsetzen“ auf seiner Karte setzt es fort.</translation>
    </message>
    <message numerus="yes">
        <source>%n render(s) still running: %1.</source>
        <translation>
            <numerusform>%n Rendering läuft noch: %1.</numerusform>
            <numerusform>%n Renderings laufen noch: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave it to resume later: what it generated so far is kept, and Resume on its card continues from there the next time you open the project. Cancel it: it stops for good, with its cloud predictions.</source>
        <translation>Später fortsetzen: Was bisher erzeugt wurde, bleibt erhalten, und „Fortsetzen“ auf seiner Karte macht beim nächsten Öffnen des Projekts dort weiter. Abbrechen: Es endet endgültig, samt seinen Cloud-Vorhersagen.</translation>
    </message>
    <message>
        <source>Leave to Resume Later</source>
        <translation>Später fortsetzen</translation>
    </message>
    <message>
        <source>Cancel Render</source>
        <translation>Rendering abbrechen</translation>
    </message>
    <message>
        <source>Keep Rendering</source>
        <translation>Weiter rendern</translation>
    </message>
    <message>
        <source>Quit Scenewright</source>
        <translation>Scenewright beenden</translation>
    </message>
    <message>
        <source>Pausing the render before quitting…</source>
        <translation>Das Rendering wird vor dem Beenden pausiert…</translation>
    </message>
    <message>
        <source>Cancelling the render before quitting…</source>
        <translation>Das Rendering wird vor dem Beenden abgebrochen…</translation>
    </message>
    <message>
        <source>Of Another Project…</source>
        <translation>Eines anderen Projekts…</translation>
    </message>
    <message>
        <source>Of a Project Folder…</source>
        <translation>Eines Projektordners…</translation>
    </message>
    <message>
        <source>Restore a Backup of a Project</source>
        <translation>Sicherung eines Projekts wiederherstellen</translation>
    </message>
    <message>
        <source>Preparing the sample project…</source>
        <translation>Beispielprojekt wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cannot open the sample project</source>
        <translation>Das Beispielprojekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Import a Screenplay</source>
        <translation>Drehbuch importieren</translation>
    </message>
    <message>
        <source>New Project for %1</source>
        <translation>Neues Projekt für %1</translation>
    </message>
    <message>
        <source>Render &amp;Film…</source>
        <translation>&amp;Film rendern…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) · %1</source>
        <translation>
            <numerusform>%n Szene · %1</numerusform>
            <numerusform>%n Szenen · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A film is being rendered; wait for it to finish.</source>
        <translation>Ein Film wird gerendert; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Render Film</source>
        <translation>Film rendern</translation>
    </message>
    <message>
        <source>Film: %1 (%2%)</source>
        <translation>Film: %1 (%2 %)</translation>
    </message>
    <message>
        <source>Film rendered: %1</source>
        <translation>Film gerendert: %1</translation>
    </message>
    <message>
        <source>The film was not rendered: %1</source>
        <translation>Der Film wurde nicht gerendert: %1</translation>
    </message>
    <message>
        <source>Imported %1, %2, %3.</source>
        <translation>Importiert: %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n Szene</numerusform>
            <numerusform>%n Szenen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new character(s)</source>
        <translation>
            <numerusform>%n neue Figur</numerusform>
            <numerusform>%n neue Figuren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dialogue line(s)</source>
        <translation>
            <numerusform>%n Dialogzeile</numerusform>
            <numerusform>%n Dialogzeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>Render on the Cluster</source>
        <translation>Auf dem Cluster rendern</translation>
    </message>
    <message>
        <source>Choose a spool folder that exists, one this machine and every node of the cluster see at the same path (&quot;%1&quot; is not a folder).</source>
        <translation>Wählen Sie einen vorhandenen Spool-Ordner, den dieser Rechner und jeder Knoten des Clusters unter demselben Pfad sehen („%1“ ist kein Ordner).</translation>
    </message>
    <message numerus="yes">
        <source>Submitted Slurm job %1 (%n task(s)).</source>
        <translation>
            <numerusform>Slurm-Auftrag %1 übergeben (%n Aufgabe).</numerusform>
            <numerusform>Slurm-Auftrag %1 übergeben (%n Aufgaben).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n bundle(s) for the cluster.</source>
        <translation>
            <numerusform>%n Bundle wird für den Cluster geschrieben.</numerusform>
            <numerusform>%n Bundles werden für den Cluster geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::MediaDrops</name>
    <message>
        <source>The music is now %1.</source>
        <translation>Die Musik ist jetzt %1.</translation>
    </message>
    <message>
        <source>The narration is now %1.</source>
        <translation>Die Erzählung ist jetzt %1.</translation>
    </message>
    <message>
        <source>Use a sound file for a line</source>
        <translation>Tondatei für eine Zeile verwenden</translation>
    </message>
    <message>
        <source>The line is now spoken by %1.</source>
        <translation>Die Zeile wird jetzt von %1 gesprochen.</translation>
    </message>
    <message>
        <source>Set sound cue file</source>
        <translation>Datei für Soundeffekt festlegen</translation>
    </message>
    <message>
        <source>The sound effect is now %1.</source>
        <translation>Der Soundeffekt ist jetzt %1.</translation>
    </message>
    <message>
        <source>Use a video file as a take</source>
        <translation>Videodatei als Aufnahme verwenden</translation>
    </message>
    <message>
        <source>%1 is now the active take of the chunk.</source>
        <translation>%1 ist jetzt die aktive Aufnahme des Abschnitts.</translation>
    </message>
    <message>
        <source>The reference image is now %1.</source>
        <translation>Das Referenzbild ist jetzt %1.</translation>
    </message>
</context>
<context>
    <name>sw::ui::PreferencesDialog</name>
    <message>
        <source>Script parsing:</source>
        <translation>Drehbuch-Analyse:</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <source>Speech:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Music:</source>
        <translation>Musik:</translation>
    </message>
    <message>
        <source>Sound effects:</source>
        <translation>Soundeffekte:</translation>
    </message>
    <message>
        <source>Lip sync:</source>
        <translation>Lippensynchronisation:</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Erzeugung</translation>
    </message>
    <message>
        <source>Cloud services</source>
        <translation>Cloud-Dienste</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>Rendern</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Local (no network, free)</source>
        <translation>Lokal (ohne Netzwerk, kostenlos)</translation>
    </message>
    <message>
        <source>%1 — %2/chunk</source>
        <translation>%1 — %2/Abschnitt</translation>
    </message>
    <message>
        <source>Default video model:</source>
        <translation>Standard-Videomodell:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the project or settings. Without a keychain, set %1 in the environment.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie im Projekt oder in den Einstellungen. Ohne Schlüsselbund setzen Sie %1 in der Umgebung.</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source> LUFS</source>
        <translation> LUFS</translation>
    </message>
    <message>
        <source>Integrated loudness of the exported mix (EBU R128). -14 to -16 suits streaming sites, -23 broadcast.</source>
        <translation>Integrierte Lautheit der exportierten Mischung (EBU R128). -14 bis -16 für Streaming-Seiten, -23 für Rundfunk.</translation>
    </message>
    <message>
        <source>Default resolution:</source>
        <translation>Standardauflösung:</translation>
    </message>
    <message>
        <source>Loudness target:</source>
        <translation>Ziel-Lautheit:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Cache location</source>
        <translation>Cache-Ort</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <source>Clear cache…</source>
        <translation>Cache leeren…</translation>
    </message>
    <message>
        <source>Deletes every generated file in the cache. Re-rendering will generate (and pay for) them again.</source>
        <translation>Löscht alle erzeugten Dateien im Cache. Erneutes Rendern erzeugt (und bezahlt) sie noch einmal.</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Delete every generated file in %1?
Rendering again will regenerate (and pay for) them.</source>
        <translation>Alle erzeugten Dateien in %1 löschen?
Erneutes Rendern erzeugt (und bezahlt) sie noch einmal.</translation>
    </message>
    <message>
        <source>API keys not saved</source>
        <translation>API-Schlüssel nicht gespeichert</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>The ComfyUI server for the &quot;comfyui&quot; video and image backend, on this machine or the LAN. Empty: COMFYUI_URL, else http://127.0.0.1:8188.</source>
        <translation>Der ComfyUI-Server für das Backend „comfyui“ (Video und Bilder), auf diesem Rechner oder im LAN. Leer: COMFYUI_URL, sonst http://127.0.0.1:8188.</translation>
    </message>
    <message>
        <source>ComfyUI server:</source>
        <translation>ComfyUI-Server:</translation>
    </message>
    <message>
        <source>A General MIDI soundfont (.sf2) the local music plays on. Empty: %1 (fluid-soundfont-gm).</source>
        <translation>Eine General-MIDI-Soundfont (.sf2), auf der die lokale Musik spielt. Leer: %1 (fluid-soundfont-gm).</translation>
    </message>
    <message>
        <source>SCENEWRIGHT_SOUNDFONT is set (%1) and is used instead of this file.</source>
        <translation>SCENEWRIGHT_SOUNDFONT ist gesetzt (%1) und wird statt dieser Datei verwendet.</translation>
    </message>
    <message>
        <source>Soundfont for the local music</source>
        <translation>Soundfont für die lokale Musik</translation>
    </message>
    <message>
        <source>Soundfonts (*.sf2);;All files (*)</source>
        <translation>Soundfonts (*.sf2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Music soundfont:</source>
        <translation>Musik-Soundfont:</translation>
    </message>
</context>
<context>
    <name>sw::ui::PreviewPlayer</name>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Wiedergabe / Pause (Leertaste)</translation>
    </message>
    <message>
        <source>◀|</source>
        <translation>◀|</translation>
    </message>
    <message>
        <source>|▶</source>
        <translation>|▶</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>Wiedergabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation>Noch nichts zur Vorschau.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Scene time (hours:minutes:seconds:frames) / scene length</source>
        <translation>Szenenzeit (Stunden:Minuten:Sekunden:Bilder) / Szenenlänge</translation>
    </message>
    <message>
        <source>One frame back (Left)</source>
        <translation>Ein Bild zurück (Pfeil links)</translation>
    </message>
    <message>
        <source>One frame forward (Right)</source>
        <translation>Ein Bild weiter (Pfeil rechts)</translation>
    </message>
    <message>
        <source>As rendered</source>
        <translation>Wie gerendert</translation>
    </message>
    <message>
        <source>Play the scene as it will render: trims and joins applied, the chosen audio tracks mixed (a fast 480p re-stitch of the cached assets; nothing is generated). The arrow chooses the tracks.</source>
        <translation>Die Szene so abspielen, wie sie gerendert wird: mit Trimmungen und Übergängen, die gewählten Tonspuren gemischt (ein schnelles 480p-Zusammensetzen der zwischengespeicherten Assets; es wird nichts erzeugt). Über den Pfeil wählen Sie die Spuren.</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>Sound effects</source>
        <translation>Soundeffekte</translation>
    </message>
</context>
<context>
    <name>sw::ui::ProjectPane</name>
    <message>
        <source>&lt;b&gt;Scenes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Szenen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a scene after the selected one</source>
        <translation>Eine Szene nach der ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate the selected scene</source>
        <translation>Die ausgewählte Szene duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected scenes</source>
        <translation>Die ausgewählten Szenen löschen</translation>
    </message>
    <message>
        <source>Add a character</source>
        <translation>Eine Figur hinzufügen</translation>
    </message>
    <message>
        <source>Delete the selected character (only when no dialogue uses it)</source>
        <translation>Die ausgewählte Figur löschen (nur wenn kein Dialog sie verwendet)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Characters&lt;/b&gt;</source>
        <translation>&lt;b&gt;Figuren&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Character %1</source>
        <translation>Figur %1</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message>
        <source>Add scene</source>
        <translation>Szene hinzufügen</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate scene</source>
        <translation>Szene duplizieren</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n scene(s)</source>
        <translation>
            <numerusform>%n Szene löschen</numerusform>
            <numerusform>%n Szenen löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Scene…</source>
        <translation>Szene löschen…</translation>
    </message>
    <message>
        <source>Delete Scene</source>
        <translation>Szene löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n scene(s): %1?</source>
        <translation>
            <numerusform>%n Szene löschen: %1?</numerusform>
            <numerusform>%n Szenen löschen: %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit &gt; Undo brings them back with their chunks and takes.</source>
        <translation>Bearbeiten &gt; Rückgängig holt sie samt ihren Abschnitten und Aufnahmen zurück.</translation>
    </message>
</context>
<context>
    <name>sw::ui::ReferenceSlot</name>
    <message>
        <source>Drop a picture here to use it as the reference image.</source>
        <translation>Legen Sie hier ein Bild ab, um es als Referenzbild zu verwenden.</translation>
    </message>
    <message>
        <source>No reference image yet: the first render generates one.</source>
        <translation>Noch kein Referenzbild: Das erste Rendern erzeugt eines.</translation>
    </message>
    <message>
        <source>your picture %1</source>
        <translation>Ihr Bild %1</translation>
    </message>
    <message>
        <source>generated by %1</source>
        <translation>erzeugt von %1</translation>
    </message>
    <message>
        <source>Reference image: %1
%2</source>
        <translation>Referenzbild: %1
%2</translation>
    </message>
    <message>
        <source>Loading the reference image…</source>
        <translation>Referenzbild wird geladen…</translation>
    </message>
    <message>
        <source>The reference image %1 cannot be read.</source>
        <translation>Das Referenzbild %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderFilmDialog</name>
    <message>
        <source>Film&apos;s choice</source>
        <translation>Wie im Film festgelegt</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>Überblendung</translation>
    </message>
    <message>
        <source>Dip to black</source>
        <translation>Abblende über Schwarz</translation>
    </message>
    <message>
        <source>Render Film</source>
        <translation>Film rendern</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Into the next scene</source>
        <translation>In die nächste Szene</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Preview quality (480p, fast) for scenes rendered first</source>
        <translation>Vorschauqualität (480p, schnell) für zuerst gerenderte Szenen</translation>
    </message>
    <message>
        <source>Transition between scenes:</source>
        <translation>Übergang zwischen Szenen:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>Checked scenes are joined in order, a chapter each. A scene whose render is current is reused; the others are rendered first.</source>
        <translation>Die angehakten Szenen werden der Reihe nach verbunden, jede ein Kapitel. Eine Szene mit aktuellem Rendering wird wiederverwendet; die anderen werden zuerst gerendert.</translation>
    </message>
    <message>
        <source>Check at least one scene.</source>
        <translation>Haken Sie mindestens eine Szene an.</translation>
    </message>
    <message>
        <source>Name the output file.</source>
        <translation>Geben Sie die Ausgabedatei an.</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderJobModel</name>
    <message>
        <source>Job %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Wird gerendert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>On the farm: %1</source>
        <translation>Auf der Farm: %1</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderQueuePanel</name>
    <message>
        <source>No renders yet. Select a scene and choose Render Scene (Ctrl+R).</source>
        <translation>Noch keine Renderings. Wählen Sie eine Szene und dann „Szene rendern“ (Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderSceneDialog</name>
    <message>
        <source>Render Scene: %1</source>
        <translation>Szene rendern: %1</translation>
    </message>
    <message numerus="yes">
        <source>Render %n Scenes</source>
        <translation>
            <numerusform>%n Szene rendern</numerusform>
            <numerusform>%n Szenen rendern</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Render</source>
        <translation>&amp;Rendern</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Video segments: %1 of %2 ready</source>
        <translation>Videosegmente: %1 von %2 fertig</translation>
    </message>
    <message>
        <source>Total duration:</source>
        <translation>Gesamtdauer:</translation>
    </message>
    <message>
        <source>16:9 (landscape)</source>
        <translation>16:9 (Querformat)</translation>
    </message>
    <message>
        <source>9:16 (vertical)</source>
        <translation>9:16 (Hochformat)</translation>
    </message>
    <message>
        <source>1:1 (square)</source>
        <translation>1:1 (quadratisch)</translation>
    </message>
    <message>
        <source>Preview mode (fast, 480p, lower quality)</source>
        <translation>Vorschaumodus (schnell, 480p, geringere Qualität)</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>Aspect:</source>
        <translation>Seitenverhältnis:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Audio tracks</source>
        <translation>Tonspuren</translation>
    </message>
    <message>
        <source>Narration (%1)</source>
        <translation>Erzählung (%1)</translation>
    </message>
    <message>
        <source>Narration (about %1, to generate)</source>
        <translation>Erzählung (etwa %1, wird erzeugt)</translation>
    </message>
    <message>
        <source>no narration text</source>
        <translation>kein Erzähltext</translation>
    </message>
    <message numerus="yes">
        <source>Dialogue (%n line(s)</source>
        <translation>
            <numerusform>Dialog (%n Zeile</numerusform>
            <numerusform>Dialog (%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n character(s))</source>
        <translation>
            <numerusform>, %n Figur)</numerusform>
            <numerusform>, %n Figuren)</numerusform>
        </translation>
    </message>
    <message>
        <source>no dialogue lines</source>
        <translation>keine Dialogzeilen</translation>
    </message>
    <message>
        <source>Music (%1)</source>
        <translation>Musik (%1)</translation>
    </message>
    <message>
        <source>no music prompt</source>
        <translation>kein Musik-Prompt</translation>
    </message>
    <message numerus="yes">
        <source>Sound effects (%n cue(s))</source>
        <translation>
            <numerusform>Soundeffekte (%n Einsatz)</numerusform>
            <numerusform>Soundeffekte (%n Einsätze)</numerusform>
        </translation>
    </message>
    <message>
        <source>no SFX cues</source>
        <translation>keine Soundeffekte</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Render to</source>
        <translation>Rendern nach</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message numerus="yes">
        <source>Will generate %n video segment(s)</source>
        <translation>
            <numerusform>Erzeugt %n Videosegment</numerusform>
            <numerusform>Erzeugt %n Videosegmente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and take %n from the cache.</source>
        <translation>
            <numerusform> und nimmt %n aus dem Cache.</numerusform>
            <numerusform> und nimmt %n aus dem Cache.</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated cost: %1.</source>
        <translation>Geschätzte Kosten: %1.</translation>
    </message>
    <message>
        <source>Cost unknown: %1</source>
        <translation>Kosten unbekannt: %1</translation>
    </message>
    <message>
        <source>The model registry could not be loaded.</source>
        <translation>Das Modellverzeichnis konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Each scene to exports/NN-scene-title.mp4</source>
        <translation>Jede Szene nach exports/NN-szenentitel.mp4</translation>
    </message>
    <message>
        <source>narration</source>
        <translation>Erzählung</translation>
    </message>
    <message numerus="yes">
        <source>%n dialogue line(s)</source>
        <translation>
            <numerusform>%n Dialogzeile</numerusform>
            <numerusform>%n Dialogzeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>music</source>
        <translation>Musik</translation>
    </message>
    <message numerus="yes">
        <source>%n sound effect(s)</source>
        <translation>
            <numerusform>%n Soundeffekt</numerusform>
            <numerusform>%n Soundeffekte</numerusform>
        </translation>
    </message>
    <message>
        <source>Audio to generate: %1.</source>
        <translation>Zu erzeugender Ton: %1.</translation>
    </message>
    <message>
        <source>Keep the scene&apos;s duration (cuts speech that does not fit)</source>
        <translation>Dauer der Szene beibehalten (schneidet Sprache ab, die nicht hineinpasst)</translation>
    </message>
    <message>
        <source>Unchecked, the scene is lengthened to fit the speech. Checked, it keeps its duration and the render warns naming each line that is cut.</source>
        <translation>Ohne Häkchen wird die Szene verlängert, damit die Sprache hineinpasst. Mit Häkchen behält sie ihre Dauer, und beim Rendern nennt eine Warnung jede abgeschnittene Zeile.</translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n stale chunk(s) as they are</source>
        <translation>
            <numerusform>Den %n veralteten Abschnitt unverändert lassen</numerusform>
            <numerusform>Die %n veralteten Abschnitte unverändert lassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep stale chunks as they are (none is stale)</source>
        <translation>Veraltete Abschnitte unverändert lassen (keiner ist veraltet)</translation>
    </message>
    <message>
        <source>A chunk is stale when the chunk before it changed, so its first frame no longer matches. Unchecked, the render generates it again from the new frame (priced below). Checked, it is rendered as it is and the seam may jump.</source>
        <translation>Ein Abschnitt ist veraltet, wenn sich der Abschnitt davor geändert hat und sein erstes Bild daher nicht mehr passt. Ohne Häkchen erzeugt das Rendern ihn ab dem neuen Bild neu (Kosten siehe unten). Mit Häkchen wird er unverändert gerendert, und an der Nahtstelle kann das Bild springen.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Stop before this render spends more than</source>
        <translation>Anhalten, bevor dieses Rendering mehr ausgibt als</translation>
    </message>
    <message>
        <source>One budget for every scene of this render and every resume of its jobs. Unticked, the project&apos;s budget applies when it has one.</source>
        <translation>Ein gemeinsames Budget für alle Szenen dieses Renderings und jede Fortsetzung seiner Aufträge. Ohne Häkchen gilt das Budget des Projekts, sofern es eines hat.</translation>
    </message>
    <message>
        <source>Use this as the project&apos;s budget for every render</source>
        <translation>Als Budget des Projekts für jedes Rendering verwenden</translation>
    </message>
    <message numerus="yes">
        <source>%n reference image(s) to generate.</source>
        <translation>
            <numerusform>%n zu erzeugendes Referenzbild.</numerusform>
            <numerusform>%n zu erzeugende Referenzbilder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendered as they are: %1.</source>
        <translation>Unverändert gerendert: %1.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>What this render does</source>
        <translation>Was dieses Rendering tut</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>auslassen</translation>
    </message>
    <message>
        <source>generate</source>
        <translation>erzeugen</translation>
    </message>
    <message>
        <source>keep as is</source>
        <translation>so lassen</translation>
    </message>
    <message>
        <source>use</source>
        <translation>verwenden</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No budget for this render: it spends what it needs (estimated %1).</source>
        <translation>Kein Budget für dieses Rendering: Es gibt aus, was es braucht (geschätzt %1).</translation>
    </message>
    <message>
        <source>The estimate, %1, is over the %2 budget: the render stops before it spends more.</source>
        <translation>Die Schätzung von %1 liegt über dem Budget von %2: Das Rendering hält an, bevor es mehr ausgibt.</translation>
    </message>
    <message>
        <source>Estimated %1 of the %2 budget.</source>
        <translation>Geschätzt %1 von %2 Budget.</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>einen unbekannten Betrag</translation>
    </message>
    <message>
        <source>Replace the video?</source>
        <translation>Video ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Rendering replaces it with the new video when the render is finished (%1).</source>
        <translation>Das Rendering ersetzt sie durch das neue Video, sobald es fertig ist (%1).</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep the file</source>
        <translation>Datei behalten</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>its inputs changed</source>
        <translation>seine Eingaben haben sich geändert</translation>
    </message>
    <message>
        <source>the chunk before it changed</source>
        <translation>der Abschnitt davor hat sich geändert</translation>
    </message>
    <message>
        <source>its file left the cache</source>
        <translation>seine Datei ist nicht mehr im Cache</translation>
    </message>
    <message>
        <source>the last attempt failed</source>
        <translation>der letzte Versuch ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>not generated yet</source>
        <translation>noch nicht erzeugt</translation>
    </message>
    <message>
        <source>being generated</source>
        <translation>wird gerade erzeugt</translation>
    </message>
    <message>
        <source>past the scene&apos;s end</source>
        <translation>nach dem Ende der Szene</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Replace the videos?</source>
        <translation>Die Videos ersetzen?</translation>
    </message>
    <message numerus="yes">
        <source>%n of these videos already exist(s): %1</source>
        <translation>
            <numerusform>%n dieser Videos gibt es schon: %1</numerusform>
            <numerusform>%n dieser Videos gibt es schon: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendering replaces each with its scene&apos;s new video when that scene is finished (in %1).</source>
        <translation>Das Rendern ersetzt jedes durch das neue Video seiner Szene, sobald diese fertig ist (in %1).</translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneCommands</name>
    <message>
        <source>Delete scene &quot;%1&quot;</source>
        <translation>Szene „%1“ löschen</translation>
    </message>
    <message>
        <source>Move scene</source>
        <translation>Szene verschieben</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneInspector</name>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>What happens in this scene</source>
        <translation>Was in dieser Szene geschieht</translation>
    </message>
    <message>
        <source>What the camera sees: setting, light, style</source>
        <translation>Was die Kamera sieht: Ort, Licht, Stil</translation>
    </message>
    <message>
        <source>Camera, action, shot (added to every chunk)</source>
        <translation>Kamera, Handlung, Einstellung (jedem Abschnitt angefügt)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Scr&amp;ipt:</source>
        <translation>&amp;Drehbuch:</translation>
    </message>
    <message>
        <source>&amp;Visual prompt:</source>
        <translation>&amp;Bild-Prompt:</translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation>&amp;Regie:</translation>
    </message>
    <message>
        <source>Target &amp;duration:</source>
        <translation>Ziel&amp;dauer:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>script</source>
        <translation>Drehbuch</translation>
    </message>
    <message>
        <source>visual prompt</source>
        <translation>Bild-Prompt</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Regie</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Spoken by the narrator over the scene</source>
        <translation>Vom Erzähler über der Szene gesprochen</translation>
    </message>
    <message>
        <source>narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>e.g. sparse piano, rain outside</source>
        <translation>z. B. spärliches Klavier, Regen draußen</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>Stimmung:</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>music prompt</source>
        <translation>Musik-Prompt</translation>
    </message>
    <message>
        <source>music mood</source>
        <translation>Musikstimmung</translation>
    </message>
    <message>
        <source>tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>Narrator</source>
        <translation>Erzähler</translation>
    </message>
    <message>
        <source>Sound effects</source>
        <translation>Soundeffekte</translation>
    </message>
    <message>
        <source>Add cue</source>
        <translation>Einsatz hinzufügen</translation>
    </message>
    <message>
        <source>Remove cue</source>
        <translation>Einsatz entfernen</translation>
    </message>
    <message>
        <source>door slams</source>
        <translation>Tür knallt</translation>
    </message>
    <message>
        <source>Project default</source>
        <translation>Projektstandard</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The model registry is not available, so no chunk plan can be shown.</source>
        <translation>Das Modellverzeichnis ist nicht verfügbar, daher kann kein Abschnittsplan angezeigt werden.</translation>
    </message>
    <message>
        <source>No chunk plan: %1</source>
        <translation>Kein Abschnittsplan: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n chunk(s) of about %1 s with %2 cover %3.</source>
        <translation>
            <numerusform>%n Abschnitt von etwa %1 s mit %2 deckt %3 ab.</numerusform>
            <numerusform>%n Abschnitte von je etwa %1 s mit %2 decken %3 ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendering it now: %n part(s) to generate, about %1.</source>
        <translation>
            <numerusform>Jetzt gerendert: %n Teil zu erzeugen, etwa %1.</numerusform>
            <numerusform>Jetzt gerendert: %n Teile zu erzeugen, etwa %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendering it now: %n part(s) to generate, cost unknown (%1).</source>
        <translation>
            <numerusform>Jetzt gerendert: %n Teil zu erzeugen, Kosten unbekannt (%1).</numerusform>
            <numerusform>Jetzt gerendert: %n Teile zu erzeugen, Kosten unbekannt (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the model</source>
        <translation>Modell ändern</translation>
    </message>
    <message>
        <source>Render &quot;%1&quot; with %2 from now on?</source>
        <translation>„%1“ ab jetzt mit %2 rendern?</translation>
    </message>
    <message numerus="yes">
        <source>%n generated chunk(s) will be out of date: the next render generates them again with %1 (%2). Every take is kept: choosing one in the chunk inspector brings it back.</source>
        <translation>
            <numerusform>%n erzeugter Abschnitt wird nicht mehr aktuell sein: Das nächste Rendern erzeugt ihn mit %1 (%2) neu. Jede Aufnahme bleibt erhalten: Wählen Sie eine im Abschnitts-Inspektor aus, um sie zurückzuholen.</numerusform>
            <numerusform>%n erzeugte Abschnitte werden nicht mehr aktuell sein: Das nächste Rendern erzeugt sie mit %1 (%2) neu. Jede Aufnahme bleibt erhalten: Wählen Sie eine im Abschnitts-Inspektor aus, um sie zurückzuholen.</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>cost unknown: %1</source>
        <translation>Kosten unbekannt: %1</translation>
    </message>
    <message>
        <source>Change &amp;model</source>
        <translation>&amp;Modell ändern</translation>
    </message>
    <message>
        <source>&amp;Reference image:</source>
        <translation>&amp;Referenzbild:</translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneListModel</name>
    <message>
        <source>Not generated</source>
        <translation>Nicht erzeugt</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Wird erzeugt</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n veraltet</numerusform>
            <numerusform>%n veraltet</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>%1 of %2 ready</source>
        <translation>%1 von %2 fertig</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation>Gesch. Kosten</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message numerus="yes">
        <source>%n out of date</source>
        <translation>
            <numerusform>%n nicht aktuell</numerusform>
            <numerusform>%n nicht aktuell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n fehlt</numerusform>
            <numerusform>%n fehlen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chunk(s), %1 ready, %2 spent</source>
        <translation>
            <numerusform>%n Abschnitt, %1 fertig, %2 ausgegeben</numerusform>
            <numerusform>%n Abschnitte, %1 fertig, %2 ausgegeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::ScenePreviewRender</name>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>The %1 is %2%3: render the scene (or regenerate it) to preview it as rendered.</source>
        <translation>%1 ist %2%3: Rendern Sie die Szene (oder erzeugen Sie sie neu), um sie wie gerendert anzusehen.</translation>
    </message>
    <message>
        <source>Cannot create the preview folder %1.</source>
        <translation>Der Vorschauordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The preview render could not be queued.</source>
        <translation>Das Vorschau-Rendering konnte nicht in die Warteschlange gestellt werden.</translation>
    </message>
    <message>
        <source>The preview render stopped.</source>
        <translation>Das Vorschau-Rendering wurde angehalten.</translation>
    </message>
    <message>
        <source>The preview render failed: %1</source>
        <translation>Das Vorschau-Rendering ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>sw::ui::SfxCueModel</name>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Geräusch</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Gain (dB)</source>
        <translation>Pegel (dB)</translation>
    </message>
    <message>
        <source>Edit sound cue</source>
        <translation>Soundeffekt bearbeiten</translation>
    </message>
    <message>
        <source>Add sound cue</source>
        <translation>Soundeffekt hinzufügen</translation>
    </message>
    <message>
        <source>Delete sound cue</source>
        <translation>Soundeffekt löschen</translation>
    </message>
    <message>
        <source>the sound file of cue &apos;%1&apos;</source>
        <translation>die Tondatei des Soundeffekts „%1“</translation>
    </message>
    <message>
        <source>Set sound cue file</source>
        <translation>Datei für Soundeffekt festlegen</translation>
    </message>
</context>
<context>
    <name>sw::ui::ShortcutsDialog</name>
    <message>
        <source>Elsewhere</source>
        <translation>Anderswo</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>sw::ui::TakeLotteryDialog</name>
    <message>
        <source>Takes of chunk %1</source>
        <translation>Aufnahmen von Abschnitt %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generate several takes of chunk %1 at once&lt;/b&gt;&lt;br&gt;Each take has its own seed; the active take stays until you keep another.</source>
        <translation>&lt;b&gt;Mehrere Aufnahmen von Abschnitt %1 auf einmal erzeugen&lt;/b&gt;&lt;br&gt;Jede Aufnahme hat ihren eigenen Seed; die aktive Aufnahme bleibt, bis Sie eine andere behalten.</translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation>Referenzbilder</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generate several reference images at once&lt;/b&gt;&lt;br&gt;Each has its own seed; the image in use stays until you keep another.</source>
        <translation>&lt;b&gt;Mehrere Referenzbilder auf einmal erzeugen&lt;/b&gt;&lt;br&gt;Jedes hat seinen eigenen Seed; das verwendete Bild bleibt, bis Sie ein anderes behalten.</translation>
    </message>
    <message>
        <source>Takes:</source>
        <translation>Aufnahmen:</translation>
    </message>
    <message>
        <source>Press Play under a take to watch it here.</source>
        <translation>Klicken Sie unter einer Aufnahme auf „Wiedergabe“, um sie hier anzusehen.</translation>
    </message>
    <message>
        <source>Estimated cost: %1 (%2 each)</source>
        <translation>Geschätzte Kosten: %1 (je %2)</translation>
    </message>
    <message>
        <source>Estimated cost: unknown (%1)</source>
        <translation>Geschätzte Kosten: unbekannt (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n takes</source>
        <translation>
            <numerusform>%n Aufnahme erzeugen</numerusform>
            <numerusform>%n Aufnahmen erzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>The render queue did not accept the takes.</source>
        <translation>Die Render-Warteschlange hat die Aufnahmen nicht angenommen.</translation>
    </message>
    <message numerus="yes">
        <source>Generating %n takes…</source>
        <translation>
            <numerusform>%n Aufnahme wird erzeugt…</numerusform>
            <numerusform>%n Aufnahmen werden erzeugt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating the takes failed: %1</source>
        <translation>Das Erzeugen der Aufnahmen ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n takes ready. Play them, then keep the one you like; the others stay in the chunk&apos;s takes.</source>
        <translation>
            <numerusform>%n Aufnahme fertig. Spielen Sie sie ab und behalten Sie sie, wenn sie Ihnen gefällt; sonst bleibt sie bei den Aufnahmen des Abschnitts.</numerusform>
            <numerusform>%n Aufnahmen fertig. Spielen Sie sie ab und behalten Sie die, die Ihnen gefällt; die anderen bleiben bei den Aufnahmen des Abschnitts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Keep this take</source>
        <translation>Diese Aufnahme behalten</translation>
    </message>
    <message>
        <source>Seed %1 · %2%3</source>
        <translation>Seed %1 · %2%3</translation>
    </message>
    <message>
        <source> · active</source>
        <translation> · aktiv</translation>
    </message>
    <message>
        <source>Active take</source>
        <translation>Aktive Aufnahme</translation>
    </message>
    <message>
        <source>Take %1 (seed %2)</source>
        <translation>Aufnahme %1 (Seed %2)</translation>
    </message>
    <message>
        <source>Keep take (seed %1) of chunk %2</source>
        <translation>Aufnahme (Seed %1) von Abschnitt %2 behalten</translation>
    </message>
</context>
<context>
    <name>sw::ui::TakeModel</name>
    <message>
        <source>Take %1%2
seed %3 · %4</source>
        <translation>Aufnahme %1%2
Seed %3 · %4</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (aktiv)</translation>
    </message>
</context>
<context>
    <name>sw::ui::TimelineWidget</name>
    <message>
        <source>Narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>SFX</source>
        <translation>Effekte</translation>
    </message>
    <message>
        <source>Chunk timeline</source>
        <translation>Abschnitts-Zeitleiste</translation>
    </message>
    <message>
        <source>No chunks yet: Render Scene plans and generates them.</source>
        <translation>Noch keine Abschnitte: „Szene rendern“ plant und erzeugt sie.</translation>
    </message>
    <message>
        <source>Select a scene to see its chunks.</source>
        <translation>Wählen Sie eine Szene, um ihre Abschnitte zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Trim chunk</source>
        <translation>Abschnitt trimmen</translation>
    </message>
    <message>
        <source>Chunk %1 · %2</source>
        <translation>Abschnitt %1 · %2</translation>
    </message>
    <message>
        <source>Follows the scene&apos;s prompt</source>
        <translation>Folgt dem Prompt der Szene</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <source>Seed %1 · %2 · %3 s from %4 s</source>
        <translation>Seed %1 · %2 · %3 s ab %4 s</translation>
    </message>
    <message>
        <source>Right-click for Regenerate, takes and more</source>
        <translation>Rechtsklick für „Neu erzeugen“, Aufnahmen und mehr</translation>
    </message>
    <message>
        <source>Click or drag to move the playhead</source>
        <translation>Klicken oder ziehen, um den Abspielkopf zu bewegen</translation>
    </message>
    <message>
        <source>In %1 s (scene %2 s)</source>
        <translation>Anfang: %1 s (Szene %2 s)</translation>
    </message>
    <message>
        <source>Out: %1 s trimmed (scene %2 s)</source>
        <translation>Ende: %1 s getrimmt (Szene %2 s)</translation>
    </message>
    <message>
        <source>In %1 s</source>
        <translation>Anfang: %1 s</translation>
    </message>
    <message>
        <source>Out: %1 s trimmed</source>
        <translation>Ende: %1 s getrimmt</translation>
    </message>
    <message>
        <source>(follows the scene&apos;s prompt)</source>
        <translation>(folgt dem Prompt der Szene)</translation>
    </message>
</context>
<context>
    <name>sw::ui::UserGuideDialog</name>
    <message>
        <source>Scenewright User Guide</source>
        <translation>Scenewright-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>Benutzer&amp;handbuch</translation>
    </message>
</context>
<context>
    <name>sw::ui::UserMedia</name>
    <message>
        <source>%1 is not a sound file (it has no audio, or it is a video): drop a WAV, MP3, FLAC, Ogg or M4A file.</source>
        <translation>%1 ist keine Tondatei (sie hat keinen Ton oder ist ein Video): Legen Sie eine WAV-, MP3-, FLAC-, Ogg- oder M4A-Datei ab.</translation>
    </message>
    <message>
        <source>%1 is not a video: drop an MP4, MOV, WebM or MKV file.</source>
        <translation>%1 ist kein Video: Legen Sie eine MP4-, MOV-, WebM- oder MKV-Datei ab.</translation>
    </message>
    <message>
        <source>%1 is not a picture: drop a PNG or JPEG file.</source>
        <translation>%1 ist kein Bild: Legen Sie eine PNG- oder JPEG-Datei ab.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>%1 is not a media file Scenewright can read (FFmpeg does not recognise it).</source>
        <translation>%1 ist keine Mediendatei, die Scenewright lesen kann (FFmpeg erkennt sie nicht).</translation>
    </message>
    <message>
        <source>Could not copy %1 into the asset cache %2 (check free space and permissions).</source>
        <translation>%1 konnte nicht in den Asset-Cache %2 kopiert werden (prüfen Sie freien Speicherplatz und Berechtigungen).</translation>
    </message>
    <message>
        <source>Could not use %1: %2</source>
        <translation>%1 konnte nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>sw::ui::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Scenewright&lt;/h1&gt;&lt;p&gt;A director&apos;s console for AI-generated video.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Scenewright&lt;/h1&gt;&lt;p&gt;Ein Regiepult für KI-generierte Videos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the Sample Project</source>
        <translation>Beispielprojekt öffnen</translation>
    </message>
    <message>
        <source>A three-scene story that renders offline with the local backend.</source>
        <translation>Eine Geschichte in drei Szenen, die offline mit dem lokalen Backend gerendert wird.</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <source>An empty project folder (NAME.scenewright).</source>
        <translation>Ein leerer Projektordner (NAME.scenewright).</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>Choose a NAME.scenewright project folder.</source>
        <translation>Einen Projektordner NAME.scenewright wählen.</translation>
    </message>
    <message>
        <source>Import a Screenplay…</source>
        <translation>Drehbuch importieren…</translation>
    </message>
    <message>
        <source>A Fountain screenplay becomes the scenes of a new project.</source>
        <translation>Ein Fountain-Drehbuch wird zu den Szenen eines neuen Projekts.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Recent projects&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Zuletzt geöffnete Projekte&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>No recent projects yet. Open the sample project to look around, or start a new one.</source>
        <translation>Noch keine zuletzt geöffneten Projekte. Öffnen Sie das Beispielprojekt, um sich umzusehen, oder beginnen Sie ein neues.</translation>
    </message>
    <message>
        <source>%1 no longer holds a project.</source>
        <translation>%1 enthält kein Projekt mehr.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the recent projects</source>
        <translation>%1 aus den zuletzt geöffneten Projekten entfernen</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
    </message>
</context>
</TS>
