<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>sw::ui::AudioTakesPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1: %n take(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1: %n take&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%1: %n takes&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::BackupDialog</name>
    <message numerus="yes">
        <source>%n backup(s), newest first:</source>
        <translation>
            <numerusform>%n backup, newest first:</numerusform>
            <numerusform>%n backups, newest first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkInspector</name>
    <message numerus="yes">
        <source>Regenerate %n stale chunk(s)</source>
        <translation>
            <numerusform>Regenerate %n stale chunk</numerusform>
            <numerusform>Regenerate %n stale chunks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::ContinuityInspector</name>
    <message numerus="yes">
        <source>Looking at %n seam(s)…</source>
        <translation>
            <numerusform>Looking at %n seam…</numerusform>
            <numerusform>Looking at %n seams…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seam(s), none jumps.</source>
        <translation>
            <numerusform>%n seam, it does not jump.</numerusform>
            <numerusform>%n seams, none jumps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seam(s) jump.</source>
        <translation>
            <numerusform>%n seam jumps.</numerusform>
            <numerusform>%n seams jump.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::JobLogDialog</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::MainWindow</name>
    <message numerus="yes">
        <source>%1: %n chunk(s) in sequence</source>
        <translation>
            <numerusform>%1: %n chunk in sequence</numerusform>
            <numerusform>%1: %n chunks in sequence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n render(s).</source>
        <translation>
            <numerusform>Queued %n render.</numerusform>
            <numerusform>Queued %n renders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New take ready; %n later chunk(s) marked stale.</source>
        <translation>
            <numerusform>New take ready; %n later chunk marked stale.</numerusform>
            <numerusform>New take ready; %n later chunks marked stale.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regeneration cancelled; %n new take(s) kept.</source>
        <translation>
            <numerusform>Regeneration cancelled; %n new take kept.</numerusform>
            <numerusform>Regeneration cancelled; %n new takes kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerated %n chunk(s).</source>
        <translation>
            <numerusform>Regenerated %n chunk.</numerusform>
            <numerusform>Regenerated %n chunks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n render(s) still running: %1.</source>
        <translation>
            <numerusform>%n render still running: %1.</numerusform>
            <numerusform>%n renders still running: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) · %1</source>
        <translation>
            <numerusform>%n scene · %1</numerusform>
            <numerusform>%n scenes · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n scene</numerusform>
            <numerusform>%n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new character(s)</source>
        <translation>
            <numerusform>%n new character</numerusform>
            <numerusform>%n new characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dialogue line(s)</source>
        <translation>
            <numerusform>%n dialogue line</numerusform>
            <numerusform>%n dialogue lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::ProjectPane</name>
    <message numerus="yes">
        <source>Delete %n scene(s)</source>
        <translation>
            <numerusform>Delete %n scene</numerusform>
            <numerusform>Delete %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n scene(s): %1?</source>
        <translation>
            <numerusform>Delete %n scene: %1?</numerusform>
            <numerusform>Delete %n scenes: %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderSceneDialog</name>
    <message numerus="yes">
        <source>Render %n Scenes</source>
        <translation>
            <numerusform>Render %n Scene</numerusform>
            <numerusform>Render %n Scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dialogue (%n line(s)</source>
        <translation>
            <numerusform>Dialogue (%n line</numerusform>
            <numerusform>Dialogue (%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n character(s))</source>
        <translation>
            <numerusform>, %n character)</numerusform>
            <numerusform>, %n characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sound effects (%n cue(s))</source>
        <translation>
            <numerusform>Sound effects (%n cue)</numerusform>
            <numerusform>Sound effects (%n cues)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Will generate %n video segment(s)</source>
        <translation>
            <numerusform>Will generate %n video segment</numerusform>
            <numerusform>Will generate %n video segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and take %n from the cache.</source>
        <translation>
            <numerusform> and take %n from the cache.</numerusform>
            <numerusform> and take %n from the cache.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dialogue line(s)</source>
        <translation>
            <numerusform>%n dialogue line</numerusform>
            <numerusform>%n dialogue lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sound effect(s)</source>
        <translation>
            <numerusform>%n sound effect</numerusform>
            <numerusform>%n sound effects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n stale chunk(s) as they are</source>
        <translation>
            <numerusform>Keep the %n stale chunk as it is</numerusform>
            <numerusform>Keep the %n stale chunks as they are</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference image(s) to generate.</source>
        <translation>
            <numerusform>%n reference image to generate.</numerusform>
            <numerusform>%n reference images to generate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these videos already exist(s): %1</source>
        <translation>
            <numerusform>%n of these videos already exists: %1</numerusform>
            <numerusform>%n of these videos already exist: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneInspector</name>
    <message numerus="yes">
        <source>%n chunk(s) of about %1 s with %2 cover %3.</source>
        <translation>
            <numerusform>%n chunk of about %1 s with %2 cover %3.</numerusform>
            <numerusform>%n chunks of about %1 s with %2 cover %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendering it now: %n part(s) to generate, about %1.</source>
        <translation>
            <numerusform>Rendering it now: %n part to generate, about %1.</numerusform>
            <numerusform>Rendering it now: %n parts to generate, about %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendering it now: %n part(s) to generate, cost unknown (%1).</source>
        <translation>
            <numerusform>Rendering it now: %n part to generate, cost unknown (%1).</numerusform>
            <numerusform>Rendering it now: %n parts to generate, cost unknown (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generated chunk(s) will be out of date: the next render generates them again with %1 (%2). Every take is kept: choosing one in the chunk inspector brings it back.</source>
        <translation>
            <numerusform>%n generated chunk will be out of date: the next render generates it again with %1 (%2). Every take is kept: choosing one in the chunk inspector brings it back.</numerusform>
            <numerusform>%n generated chunks will be out of date: the next render generates them again with %1 (%2). Every take is kept: choosing one in the chunk inspector brings it back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneListModel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n stale</numerusform>
            <numerusform>%n stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out of date</source>
        <translation>
            <numerusform>%n out of date</numerusform>
            <numerusform>%n out of date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chunk(s), %1 ready, %2 spent</source>
        <translation>
            <numerusform>%n chunk, %1 ready, %2 spent</numerusform>
            <numerusform>%n chunks, %1 ready, %2 spent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::TakeLotteryDialog</name>
    <message numerus="yes">
        <source>Generate %n takes</source>
        <translation>
            <numerusform>Generate %n take</numerusform>
            <numerusform>Generate %n takes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generating %n takes…</source>
        <translation>
            <numerusform>Generating %n take…</numerusform>
            <numerusform>Generating %n takes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n takes ready. Play them, then keep the one you like; the others stay in the chunk&apos;s takes.</source>
        <translation>
            <numerusform>%n take ready. Play it, then keep it if you like it; otherwise it stays in the chunk&apos;s takes.</numerusform>
            <numerusform>%n takes ready. Play them, then keep the one you like; the others stay in the chunk&apos;s takes.</numerusform>
        </translation>
    </message>
</context>
</TS>
