<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Play &amp;Backward (J, again: faster)</source>
        <translation>反向播放(&amp;B)（J，再按：更快）</translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation>暂停(&amp;U)（K）</translation>
    </message>
    <message>
        <source>Play &amp;Forward (L, again: faster)</source>
        <translation>正向播放(&amp;F)（L，再按：更快）</translation>
    </message>
    <message>
        <source>One Frame Bac&amp;k</source>
        <translation>后退一帧(&amp;K)</translation>
    </message>
    <message>
        <source>One Frame For&amp;ward</source>
        <translation>前进一帧(&amp;W)</translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation>转到开头(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;End</source>
        <translation>转到结尾(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Previous Seam</source>
        <translation>上一个接缝(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Seam</source>
        <translation>下一个接缝(&amp;N)</translation>
    </message>
</context>
<context>
    <name>sw::ui::AssetRegenerateDialog</name>
    <message>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <source>the narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>The narrator voice is the project&apos;s: every scene&apos;s narration uses it.</source>
        <translation>旁白声音属于整个项目：每个场景的旁白都使用它。</translation>
    </message>
    <message>
        <source>a dialogue line</source>
        <translation>一句台词</translation>
    </message>
    <message>
        <source>a line of %1</source>
        <translation>%1 的一句台词</translation>
    </message>
    <message>
        <source>The voice is the character&apos;s: their other lines need new takes after a change.</source>
        <translation>声音属于该角色：更改后，该角色的其他台词需要生成新版本。</translation>
    </message>
    <message>
        <source>the music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>a sound effect</source>
        <translation>一个音效</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>the reference image</source>
        <translation>参考图像</translation>
    </message>
    <message>
        <source>The prompt is the scene&apos;s visual prompt: chunks that follow it need new takes.</source>
        <translation>此提示词即场景的画面提示词：依据它生成的片段需要生成新版本。</translation>
    </message>
    <message>
        <source>Regenerate %1</source>
        <translation>重新生成%1</translation>
    </message>
    <message>
        <source>The speech service&apos;s default voice</source>
        <translation>语音服务的默认声音</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>声音：</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>情绪：</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Next take</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <source>Next seed</source>
        <translation>下一个种子</translation>
    </message>
    <message>
        <source>Take:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>The current one is kept; the new one is used from now on.</source>
        <translation>当前版本会保留；从现在起使用新版本。</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>As long as the scene</source>
        <translation>与场景等长</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long this take of the music is; the render cuts a longer one to the video, a shorter one ends early.</source>
        <translation>这一版音乐的时长；渲染时较长的会按视频截断，较短的会提前结束。</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>时长：</translation>
    </message>
</context>
<context>
    <name>sw::ui::AudioTakesPanel</name>
    <message>
        <source>Every take of this sound; double-click one to use it.</source>
        <translation>此声音的所有版本；双击即可使用。</translation>
    </message>
    <message>
        <source>&amp;Use take</source>
        <translation>使用此版本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>重新生成(&amp;R)…</translation>
    </message>
    <message>
        <source>Make a new take with changed inputs; this one is kept.</source>
        <translation>用修改后的输入生成新版本；当前版本会保留。</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Dialogue line</source>
        <translation>对白台词</translation>
    </message>
    <message>
        <source>Sound effect</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1: %n take(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1：%n 个版本&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No sound selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;未选择声音&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Take %1 (in use)</source>
        <translation>版本 %1（使用中）</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>take no. %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
provider %2, model %3</source>
        <translation>%1
提供方 %2，模型 %3</translation>
    </message>
    <message>
        <source>Use take %1</source>
        <translation>使用版本 %1</translation>
    </message>
</context>
<context>
    <name>sw::ui::BackupDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Recover the Project</source>
        <translation>恢复项目</translation>
    </message>
    <message>
        <source>Choose a backup of %1 to restore. Its current state is backed up first, so the restore can be undone from File ▸ Restore Backup.</source>
        <translation>选择 %1 的一个备份进行恢复。恢复前会先备份当前状态，因此可以在“文件 ▸ 恢复备份”中撤销这次恢复。</translation>
    </message>
    <message>
        <source>%1

Choose one of its backups to restore. The damaged file is kept in its backups folder; nothing is deleted.</source>
        <translation>%1

选择它的一个备份进行恢复。损坏的文件会保留在其备份文件夹中；不会删除任何内容。</translation>
    </message>
    <message>
        <source>Looking for backups…</source>
        <translation>正在查找备份…</translation>
    </message>
    <message>
        <source>%1 (before a restore) · %2</source>
        <translation>%1（恢复之前）· %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 has no backups (Scenewright keeps them in its backups folder).</source>
        <translation>%1 没有备份（Scenewright 将备份保存在其 backups 文件夹中）。</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), newest first:</source>
        <translation>
            <numerusform>%n 个备份，最新的在前：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::CharacterModel</name>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>character name</source>
        <translation>角色名称</translation>
    </message>
    <message>
        <source>voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Add character &quot;%1&quot;</source>
        <translation>添加角色“%1”</translation>
    </message>
    <message>
        <source>Delete character &quot;%1&quot;</source>
        <translation>删除角色“%1”</translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkInspector</name>
    <message>
        <source>Click a take to make it the chunk&apos;s active one.</source>
        <translation>点击某个版本，使其成为该片段的当前版本。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Takes&lt;/b&gt;</source>
        <translation>&lt;b&gt;版本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <source>Pick a random seed for the next take</source>
        <translation>为下一个版本随机选择种子</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>费用：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Scene&apos;s model</source>
        <translation>场景的模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;No chunk selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;未选择片段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chunk %1 of %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;片段 %1 / %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Generate a new take with the prompt, seed and model above; the current take is kept.</source>
        <translation>使用上面的提示词、种子和模型生成新版本；当前版本会保留。</translation>
    </message>
    <message numerus="yes">
        <source>Regenerate %n stale chunk(s)</source>
        <translation>
            <numerusform>重新生成 %n 个过期片段</numerusform>
        </translation>
    </message>
    <message>
        <source>These chunks started from an older last frame of the chunk before them.</source>
        <translation>这些片段是从前一片段的旧末帧开始生成的。</translation>
    </message>
    <message>
        <source>Use take %1</source>
        <translation>使用版本 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop generating; takes already finished are kept.</source>
        <translation>停止生成；已完成的版本会保留。</translation>
    </message>
    <message>
        <source>Follows the scene: %1</source>
        <translation>跟随场景：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Generate 4 takes…</source>
        <translation>生成 4 个版本…</translation>
    </message>
    <message>
        <source>Generate several takes at once, each with its own seed, and pick one side by side (the cost is shown before starting).</source>
        <translation>一次生成多个版本，每个版本使用各自的种子，并排比较后选择其一（开始前会显示费用）。</translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkModel</name>
    <message>
        <source>Pending</source>
        <translation>待生成</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Chunk %1 (%2)</source>
        <translation>片段 %1（%2）</translation>
    </message>
    <message>
        <source>Out of date</source>
        <translation>待更新</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>kept as it is (%1)</source>
        <translation>保持原样（%1）</translation>
    </message>
</context>
<context>
    <name>sw::ui::ChunkRegenerator</name>
    <message>
        <source>Chunk %1 was deleted before it could be regenerated.</source>
        <translation>片段 %1 在重新生成之前已被删除。</translation>
    </message>
    <message>
        <source>New take of chunk %1</source>
        <translation>片段 %1 的新版本</translation>
    </message>
    <message>
        <source>The render queue did not accept the regeneration of chunk %1.</source>
        <translation>渲染队列未接受片段 %1 的重新生成请求。</translation>
    </message>
</context>
<context>
    <name>sw::ui::ContinuityInspector</name>
    <message>
        <source>Continuity</source>
        <translation>连贯性</translation>
    </message>
    <message>
        <source>Seam %1: chunk %2 → chunk %3</source>
        <translation>接缝 %1：片段 %2 → 片段 %3</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>正在解码…</translation>
    </message>
    <message>
        <source>Last frame of chunk %1</source>
        <translation>片段 %1 的末帧</translation>
    </message>
    <message>
        <source>First frame of chunk %1</source>
        <translation>片段 %1 的首帧</translation>
    </message>
    <message>
        <source>Measuring the join…</source>
        <translation>正在测量衔接处…</translation>
    </message>
    <message>
        <source>Regenerate Chunk %1</source>
        <translation>重新生成片段 %1</translation>
    </message>
    <message>
        <source>Generate a new take of chunk %1, the chunk after this seam (kept as a take).</source>
        <translation>为片段 %1（此接缝之后的片段）生成新版本（作为一个版本保留）。</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <source>Cannot look at this seam: %1</source>
        <translation>无法查看此接缝：%1</translation>
    </message>
    <message>
        <source>⚠ The picture jumps here: it changes %1× more across the join than the chunks&apos; own motion (%2 against %3 grey levels). Regenerate chunk %4 to continue from chunk %5&apos;s last frame.</source>
        <translation>⚠ 此处画面跳变：衔接处的变化是片段自身运动的 %1 倍（%2 对比 %3 个灰度级）。请重新生成片段 %4，使其从片段 %5 的末帧接续。</translation>
    </message>
    <message>
        <source>Continuous: %1 grey levels across the join, %2× the chunks&apos; own motion (%3).</source>
        <translation>连贯：衔接处 %1 个灰度级，为片段自身运动的 %2 倍（%3）。</translation>
    </message>
    <message>
        <source>A crossfade hides the join.</source>
        <translation>交叉淡化掩盖了衔接处。</translation>
    </message>
    <message>
        <source>This scene has no seams: it has fewer than two chunks.</source>
        <translation>此场景没有接缝：它的片段少于两个。</translation>
    </message>
    <message>
        <source>Select a scene to see its seams.</source>
        <translation>选择一个场景以查看其接缝。</translation>
    </message>
    <message numerus="yes">
        <source>Looking at %n seam(s)…</source>
        <translation>
            <numerusform>正在查看 %n 个接缝…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seam(s), none jumps.</source>
        <translation>
            <numerusform>%n 个接缝，均无跳变。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seam(s) jump.</source>
        <translation>
            <numerusform>%n 个接缝有跳变。</numerusform>
        </translation>
    </message>
    <message>
        <source>Chunk %1 has no take yet.</source>
        <translation>片段 %1 还没有版本。</translation>
    </message>
    <message>
        <source>%1 or %2 has no pictures at the seam.</source>
        <translation>%1 或 %2 在接缝处没有画面。</translation>
    </message>
</context>
<context>
    <name>sw::ui::DialogueModel</name>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>台词</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>dialogue line</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Add dialogue line</source>
        <translation>添加对白</translation>
    </message>
    <message>
        <source>Delete dialogue line</source>
        <translation>删除对白</translation>
    </message>
    <message>
        <source>Lip sync: the render sends the picture under this line with its voice to the lip-sync backend and splices the synced frames back (for a speaker whose face is on screen).</source>
        <translation>口型同步：渲染时把这句台词下方的画面连同其配音发送给口型同步后端，并把同步后的画面拼接回去（适用于脸在画面中的说话者）。</translation>
    </message>
    <message>
        <source>Lip sync</source>
        <translation>口型同步</translation>
    </message>
    <message>
        <source>lip sync</source>
        <translation>口型同步</translation>
    </message>
    <message>
        <source>Lip sync a line</source>
        <translation>为台词开启口型同步</translation>
    </message>
    <message>
        <source>Stop lip-syncing a line</source>
        <translation>停止台词的口型同步</translation>
    </message>
</context>
<context>
    <name>sw::ui::EditorMenus</name>
    <message>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>Use &amp;Take</source>
        <translation>使用版本(&amp;T)</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Copy Prompt</source>
        <translation>复制提示词(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Use This Take</source>
        <translation>使用此版本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>复制文本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete sound effect</source>
        <translation>删除音效</translation>
    </message>
    <message>
        <source>Delete dialogue line</source>
        <translation>删除对白</translation>
    </message>
    <message>
        <source>De&amp;lete Scene…</source>
        <translation>删除场景(&amp;L)…</translation>
    </message>
    <message>
        <source>Show Project &amp;Folder</source>
        <translation>显示项目文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Check &amp;Continuity…</source>
        <translation>检查连贯性(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>重新生成(&amp;R)…</translation>
    </message>
    <message>
        <source>This sound effect plays a file of your own.</source>
        <translation>此音效播放的是您自己的文件。</translation>
    </message>
    <message>
        <source>A new take with the inputs you choose; the current one is kept.</source>
        <translation>使用您选择的输入生成新版本；当前版本会保留。</translation>
    </message>
    <message>
        <source>Regenerate Reference &amp;Image…</source>
        <translation>重新生成参考图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Generate 4 Reference Images…</source>
        <translation>生成 4 张参考图像…</translation>
    </message>
    <message>
        <source>&amp;Keep as Is</source>
        <translation>保持原样(&amp;K)</translation>
    </message>
    <message>
        <source>Render this take as it is, although %1; a new take ends it.</source>
        <translation>按原样渲染此版本，尽管%1；新的版本会取消此设置。</translation>
    </message>
    <message>
        <source>Only a stale or out-of-date take can be kept as it is.</source>
        <translation>只有过时的版本才能保持原样。</translation>
    </message>
    <message>
        <source>Keep chunk as is</source>
        <translation>保持片段原样</translation>
    </message>
    <message>
        <source>Stop keeping chunk as is</source>
        <translation>不再保持片段原样</translation>
    </message>
    <message>
        <source>Use a &amp;File…</source>
        <translation>使用文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Replace this sound with an audio file of your own; the current one is kept as a take.</source>
        <translation>用你自己的音频文件替换此声音；当前声音作为一个版本保留。</translation>
    </message>
    <message>
        <source>Use a Sound File</source>
        <translation>使用音频文件</translation>
    </message>
    <message>
        <source>Sound files (*.wav *.mp3 *.flac *.ogg *.m4a *.aac *.opus);;All files (*)</source>
        <translation>音频文件 (*.wav *.mp3 *.flac *.ogg *.m4a *.aac *.opus);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>sw::ui::FarmPoller</name>
    <message>
        <source>Fetched %1, failed %2, cancelled %3, still on the cluster %4.</source>
        <translation>已取回 %1，失败 %2，已取消 %3，仍在集群上 %4。</translation>
    </message>
    <message>
        <source>Fetching the farm&apos;s renders failed: %1</source>
        <translation>取回渲染农场的渲染结果失败：%1</translation>
    </message>
</context>
<context>
    <name>sw::ui::FarmSubmission</name>
    <message>
        <source>scenewright-cli was not found next to the app (%1) or in %2: install it with the app; the cluster&apos;s nodes run it to render.</source>
        <translation>在应用旁（%1）和 %2 中均未找到 scenewright-cli：请随应用一起安装；集群节点用它进行渲染。</translation>
    </message>
    <message>
        <source>a scene&apos;s bundle was not written (job %1)</source>
        <translation>某个场景的任务包未写入（任务 %1）</translation>
    </message>
    <message>
        <source>Nothing was submitted to the cluster: %1</source>
        <translation>未向集群提交任何内容：%1</translation>
    </message>
</context>
<context>
    <name>sw::ui::FarmTargetBox</name>
    <message>
        <source>Run on</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm 集群</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>运行位置：</translation>
    </message>
    <message>
        <source>A folder this machine and every node see</source>
        <translation>本机和每个节点都能访问的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Spool folder:</source>
        <translation>共享文件夹：</translation>
    </message>
    <message>
        <source>The cluster&apos;s default</source>
        <translation>集群默认值</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>分区：</translation>
    </message>
    <message>
        <source>Spool Folder</source>
        <translation>共享文件夹</translation>
    </message>
</context>
<context>
    <name>sw::ui::FileDialogs</name>
    <message>
        <source>%1 is a database file that only Scenewright&apos;s store may open. Choose another file.</source>
        <translation>%1 是数据库文件，只能由 Scenewright 的项目存储打开。请选择其他文件。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
</context>
<context>
    <name>sw::ui::JobCard</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry failed parts</source>
        <translation>重试失败部分</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>剩余约 %1</translation>
    </message>
    <message>
        <source>Failed while %1: %2</source>
        <translation>在“%1”步骤失败：%2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>The rendered file is no longer at %1.</source>
        <translation>渲染文件已不在 %1。</translation>
    </message>
    <message>
        <source>Play the video in the preview</source>
        <translation>在预览中播放视频</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Every step of this job: inputs, model, output, cost, time and warnings</source>
        <translation>此任务的每一步：输入、模型、输出、费用、时间和警告</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>费用：%1</translation>
    </message>
    <message>
        <source>What this job&apos;s generations cost so far (every run of it)</source>
        <translation>此任务的生成迄今的费用（所有运行）</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>取回</translation>
    </message>
</context>
<context>
    <name>sw::ui::JobLogDialog</name>
    <message>
        <source>Job Log: %1</source>
        <translation>任务日志：%1</translation>
    </message>
    <message>
        <source>Reading the job&apos;s events…</source>
        <translation>正在读取任务事件…</translation>
    </message>
    <message>
        <source>Could not read the job&apos;s events: %1</source>
        <translation>无法读取任务事件：%1</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>费用 %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>耗时 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
</context>
<context>
    <name>sw::ui::JobLogModel</name>
    <message>
        <source>%1 (%2)
%3</source>
        <translation>%1（%2）
%3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>sw::ui::LaneClip</name>
    <message>
        <source>%1 s to %2 s</source>
        <translation>%1 秒至 %2 秒</translation>
    </message>
    <message>
        <source>Not generated yet (length estimated)</source>
        <translation>尚未生成（时长为估计值）</translation>
    </message>
    <message>
        <source>Not played: the scene ends at %1 s</source>
        <translation>不会播放：场景在 %1 秒处结束</translation>
    </message>
    <message>
        <source>cut at %1 s</source>
        <translation>在 %1 秒处截断</translation>
    </message>
</context>
<context>
    <name>sw::ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import Script…</source>
        <translation>导入剧本(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;Scene</source>
        <translation>添加场景(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Duplicate Scene</source>
        <translation>复制场景(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>De&amp;lete Scene</source>
        <translation>删除场景(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Render Scene…</source>
        <translation>渲染场景(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Preview &amp;Last Render</source>
        <translation>预览上次渲染(&amp;L)</translation>
    </message>
    <message>
        <source>Last render: %1</source>
        <translation>上次渲染：%1</translation>
    </message>
    <message>
        <source>&amp;About Scenewright</source>
        <translation>关于 Scenewright(&amp;A)</translation>
    </message>
    <message>
        <source>About Scenewright</source>
        <translation>关于 Scenewright</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenewright %1&lt;/b&gt;&lt;p&gt;A director&apos;s console for AI-generated video.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Scenewright %1&lt;/b&gt;&lt;p&gt;AI 生成视频的导演台。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Restore &amp;Backup</source>
        <translation>恢复备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Scene</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Render Queue</source>
        <translation>渲染队列</translation>
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
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
    <message>
        <source>Render the selected scenes (Ctrl+R)</source>
        <translation>渲染所选场景（Ctrl+R）</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>更改未保存</translation>
    </message>
    <message>
        <source>Chunk %1</source>
        <translation>片段 %1</translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation>暂无可预览内容。</translation>
    </message>
    <message>
        <source>%1: no generated chunks to preview yet.</source>
        <translation>%1：还没有可预览的已生成片段。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chunk(s) in sequence</source>
        <translation>
            <numerusform>%1：依次播放 %n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Scenewright project (*.scenewright)</source>
        <translation>Scenewright 项目 (*.scenewright)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>%1 already holds a project. Choose another folder.</source>
        <translation>%1 中已有项目。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>%1 的备份</translation>
    </message>
    <message>
        <source>No backups yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the project with the backup from %1?
The current state is backed up first, so this can be reverted from the same menu.</source>
        <translation>用 %1 的备份替换此项目吗？
当前状态会先备份，之后可在同一菜单中恢复。</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <source>Import Script</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <source>Fountain screenplay (*.fountain *.spmd *.txt)</source>
        <translation>Fountain 剧本 (*.fountain *.spmd *.txt)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>%1 has no scenes (scene headings start with INT. or EXT.).</source>
        <translation>%1 中没有场景（场景标题以 INT. 或 EXT. 开头）。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <source>The render engine could not be started for this project.</source>
        <translation>无法为此项目启动渲染引擎。</translation>
    </message>
    <message>
        <source>Render finished: %1</source>
        <translation>渲染完成：%1</translation>
    </message>
    <message>
        <source>Render failed: %1</source>
        <translation>渲染失败：%1</translation>
    </message>
    <message>
        <source>Select the scenes to render first.</source>
        <translation>请先选择要渲染的场景。</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n render(s).</source>
        <translation>
            <numerusform>已加入 %n 个渲染任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>A take is being generated.</source>
        <translation>正在生成一个版本。</translation>
    </message>
    <message>
        <source>Regenerate failed</source>
        <translation>重新生成失败</translation>
    </message>
    <message numerus="yes">
        <source>New take ready; %n later chunk(s) marked stale.</source>
        <translation>
            <numerusform>新版本已就绪；%n 个后续片段已标记为过期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation>视频另存为</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Copying to %1…</source>
        <translation>正在复制到 %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cannot save the video</source>
        <translation>无法保存视频</translation>
    </message>
    <message>
        <source>Could not write %1 (check free space and permissions).</source>
        <translation>无法写入 %1（请检查剩余空间和权限）。</translation>
    </message>
    <message>
        <source>Closing when the project copy is finished…</source>
        <translation>项目复制完成后将关闭…</translation>
    </message>
    <message>
        <source>Copying the project to %1…</source>
        <translation>正在将项目复制到 %1…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Backup restored; the replaced state was backed up first.</source>
        <translation>备份已恢复；被替换的状态已事先备份。</translation>
    </message>
    <message>
        <source>Generating a new take of chunk %1… %2%</source>
        <translation>正在生成片段 %1 的新版本… %2%</translation>
    </message>
    <message>
        <source>Regenerating chunk %1 (%2 of %3)… %4%</source>
        <translation>正在重新生成片段 %1（第 %2 个，共 %3 个）… %4%</translation>
    </message>
    <message numerus="yes">
        <source>Regeneration cancelled; %n new take(s) kept.</source>
        <translation>
            <numerusform>重新生成已取消；保留了 %n 个新版本。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerated %n chunk(s).</source>
        <translation>
            <numerusform>已重新生成 %n 个片段。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
    <message>
        <source>Play&amp;back</source>
        <translation>播放(&amp;B)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another file.</source>
        <translation>无法写入 %1：%2。请选择其他文件。</translation>
    </message>
    <message>
        <source>&amp;Continuity Inspector…</source>
        <translation>连贯性检查器(&amp;C)…</translation>
    </message>
    <message>
        <source>Preparing the scene as rendered (480p preview)… %1%</source>
        <translation>正在按渲染效果准备场景（480p 预览）… %1%</translation>
    </message>
    <message>
        <source>%1 as rendered (480p preview)</source>
        <translation>%1 渲染效果（480p 预览）</translation>
    </message>
    <message>
        <source>Generating a new take…</source>
        <translation>正在生成新版本…</translation>
    </message>
    <message>
        <source>Copying %1 into the asset cache…</source>
        <translation>正在将 %1 复制到素材缓存…</translation>
    </message>
    <message>
        <source>Cannot use the dropped file</source>
        <translation>无法使用拖入的文件</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>已取消：%1。</translation>
    </message>
    <message>
        <source>Paused: %1. Resume on its card continues it.</source>
        <translation>已暂停：%1。点击其卡片上的“继续”可继续。</translation>
    </message>
    <message numerus="yes">
        <source>%n render(s) still running: %1.</source>
        <translation>
            <numerusform>仍有 %n 个渲染在运行：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave it to resume later: what it generated so far is kept, and Resume on its card continues from there the next time you open the project. Cancel it: it stops for good, with its cloud predictions.</source>
        <translation>稍后继续：已生成的内容会保留，下次打开项目时点击其卡片上的“继续”即可从那里接着渲染。取消：渲染彻底停止，其云端预测也一并取消。</translation>
    </message>
    <message>
        <source>Leave to Resume Later</source>
        <translation>稍后继续</translation>
    </message>
    <message>
        <source>Cancel Render</source>
        <translation>取消渲染</translation>
    </message>
    <message>
        <source>Keep Rendering</source>
        <translation>继续渲染</translation>
    </message>
    <message>
        <source>Quit Scenewright</source>
        <translation>退出 Scenewright</translation>
    </message>
    <message>
        <source>Pausing the render before quitting…</source>
        <translation>退出前正在暂停渲染…</translation>
    </message>
    <message>
        <source>Cancelling the render before quitting…</source>
        <translation>退出前正在取消渲染…</translation>
    </message>
    <message>
        <source>Of Another Project…</source>
        <translation>其他项目的备份…</translation>
    </message>
    <message>
        <source>Of a Project Folder…</source>
        <translation>项目文件夹的备份…</translation>
    </message>
    <message>
        <source>Restore a Backup of a Project</source>
        <translation>恢复项目的备份</translation>
    </message>
    <message>
        <source>Preparing the sample project…</source>
        <translation>正在准备示例项目…</translation>
    </message>
    <message>
        <source>Cannot open the sample project</source>
        <translation>无法打开示例项目</translation>
    </message>
    <message>
        <source>Import a Screenplay</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <source>New Project for %1</source>
        <translation>为 %1 新建项目</translation>
    </message>
    <message>
        <source>Render &amp;Film…</source>
        <translation>渲染影片(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) · %1</source>
        <translation>
            <numerusform>%n 个场景 · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A film is being rendered; wait for it to finish.</source>
        <translation>正在渲染影片；请等待其完成。</translation>
    </message>
    <message>
        <source>Render Film</source>
        <translation>渲染影片</translation>
    </message>
    <message>
        <source>Film: %1 (%2%)</source>
        <translation>影片：%1（%2%）</translation>
    </message>
    <message>
        <source>Film rendered: %1</source>
        <translation>影片已渲染：%1</translation>
    </message>
    <message>
        <source>The film was not rendered: %1</source>
        <translation>影片未能渲染：%1</translation>
    </message>
    <message>
        <source>Imported %1, %2, %3.</source>
        <translation>已导入 %1、%2、%3。</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n 个场景</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new character(s)</source>
        <translation>
            <numerusform>%n 个新角色</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dialogue line(s)</source>
        <translation>
            <numerusform>%n 句对白</numerusform>
        </translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Render on the Cluster</source>
        <translation>在集群上渲染</translation>
    </message>
    <message>
        <source>Choose a spool folder that exists, one this machine and every node of the cluster see at the same path (&quot;%1&quot; is not a folder).</source>
        <translation>请选择一个已存在的共享文件夹，本机和集群的每个节点都能以相同路径访问它（“%1”不是文件夹）。</translation>
    </message>
    <message numerus="yes">
        <source>Submitted Slurm job %1 (%n task(s)).</source>
        <translation>
            <numerusform>已提交 Slurm 作业 %1（%n 个任务）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n bundle(s) for the cluster.</source>
        <translation>
            <numerusform>正在为集群写入 %n 个任务包。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::MediaDrops</name>
    <message>
        <source>The music is now %1.</source>
        <translation>音乐现在为 %1。</translation>
    </message>
    <message>
        <source>The narration is now %1.</source>
        <translation>旁白现在为 %1。</translation>
    </message>
    <message>
        <source>Use a sound file for a line</source>
        <translation>为台词使用声音文件</translation>
    </message>
    <message>
        <source>The line is now spoken by %1.</source>
        <translation>这句台词现在由 %1 播放。</translation>
    </message>
    <message>
        <source>Set sound cue file</source>
        <translation>设置音效提示点文件</translation>
    </message>
    <message>
        <source>The sound effect is now %1.</source>
        <translation>音效现在为 %1。</translation>
    </message>
    <message>
        <source>Use a video file as a take</source>
        <translation>将视频文件用作版本</translation>
    </message>
    <message>
        <source>%1 is now the active take of the chunk.</source>
        <translation>%1 现在是该片段的当前版本。</translation>
    </message>
    <message>
        <source>The reference image is now %1.</source>
        <translation>参考图像现在为 %1。</translation>
    </message>
</context>
<context>
    <name>sw::ui::PreferencesDialog</name>
    <message>
        <source>Script parsing:</source>
        <translation>剧本解析：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <source>Speech:</source>
        <translation>语音：</translation>
    </message>
    <message>
        <source>Music:</source>
        <translation>音乐：</translation>
    </message>
    <message>
        <source>Sound effects:</source>
        <translation>音效：</translation>
    </message>
    <message>
        <source>Lip sync:</source>
        <translation>口型同步：</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cloud services</source>
        <translation>云服务</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>渲染</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Local (no network, free)</source>
        <translation>本地（无需网络，免费）</translation>
    </message>
    <message>
        <source>%1 — %2/chunk</source>
        <translation>%1 — 每片段 %2</translation>
    </message>
    <message>
        <source>Default video model:</source>
        <translation>默认视频模型：</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基础 URL：</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the project or settings. Without a keychain, set %1 in the environment.</source>
        <translation>保存在系统钥匙串中，绝不会写入项目或设置。若没有钥匙串，请在环境变量中设置 %1。</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source> LUFS</source>
        <translation> LUFS</translation>
    </message>
    <message>
        <source>Integrated loudness of the exported mix (EBU R128). -14 to -16 suits streaming sites, -23 broadcast.</source>
        <translation>导出混音的综合响度（EBU R128）。流媒体网站适合 -14 至 -16，广播适合 -23。</translation>
    </message>
    <message>
        <source>Default resolution:</source>
        <translation>默认分辨率：</translation>
    </message>
    <message>
        <source>Loudness target:</source>
        <translation>目标响度：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Cache location</source>
        <translation>缓存位置</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Clear cache…</source>
        <translation>清除缓存…</translation>
    </message>
    <message>
        <source>Deletes every generated file in the cache. Re-rendering will generate (and pay for) them again.</source>
        <translation>删除缓存中所有已生成的文件。重新渲染时会再次生成（并再次付费）。</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 中共 %1</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <source>Delete every generated file in %1?
Rendering again will regenerate (and pay for) them.</source>
        <translation>删除 %1 中所有已生成的文件吗？
再次渲染时会重新生成（并再次付费）。</translation>
    </message>
    <message>
        <source>API keys not saved</source>
        <translation>API 密钥未保存</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T):</translation>
    </message>
    <message>
        <source>The ComfyUI server for the &quot;comfyui&quot; video and image backend, on this machine or the LAN. Empty: COMFYUI_URL, else http://127.0.0.1:8188.</source>
        <translation>用于“comfyui”视频和图像后端的 ComfyUI 服务器，位于本机或局域网。留空：使用 COMFYUI_URL，否则 http://127.0.0.1:8188。</translation>
    </message>
    <message>
        <source>ComfyUI server:</source>
        <translation>ComfyUI 服务器：</translation>
    </message>
    <message>
        <source>A General MIDI soundfont (.sf2) the local music plays on. Empty: %1 (fluid-soundfont-gm).</source>
        <translation>本地音乐演奏所用的 General MIDI 音色库（.sf2）。留空：%1（fluid-soundfont-gm）。</translation>
    </message>
    <message>
        <source>SCENEWRIGHT_SOUNDFONT is set (%1) and is used instead of this file.</source>
        <translation>已设置 SCENEWRIGHT_SOUNDFONT（%1），将代替此文件使用。</translation>
    </message>
    <message>
        <source>Soundfont for the local music</source>
        <translation>本地音乐的音色库</translation>
    </message>
    <message>
        <source>Soundfonts (*.sf2);;All files (*)</source>
        <translation>音色库 (*.sf2);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Music soundfont:</source>
        <translation>音乐音色库：</translation>
    </message>
</context>
<context>
    <name>sw::ui::PreviewPlayer</name>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停（空格键）</translation>
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
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation>暂无可预览内容。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Scene time (hours:minutes:seconds:frames) / scene length</source>
        <translation>场景时间（时:分:秒:帧）/ 场景长度</translation>
    </message>
    <message>
        <source>One frame back (Left)</source>
        <translation>后退一帧（左方向键）</translation>
    </message>
    <message>
        <source>One frame forward (Right)</source>
        <translation>前进一帧（右方向键）</translation>
    </message>
    <message>
        <source>As rendered</source>
        <translation>渲染效果</translation>
    </message>
    <message>
        <source>Play the scene as it will render: trims and joins applied, the chosen audio tracks mixed (a fast 480p re-stitch of the cached assets; nothing is generated). The arrow chooses the tracks.</source>
        <translation>按最终渲染效果播放场景：应用修剪和衔接，混合所选音轨（用缓存素材快速重新拼接为 480p，不会生成任何内容）。点击箭头可选择音轨。</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Sound effects</source>
        <translation>音效</translation>
    </message>
</context>
<context>
    <name>sw::ui::ProjectPane</name>
    <message>
        <source>&lt;b&gt;Scenes&lt;/b&gt;</source>
        <translation>&lt;b&gt;场景&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a scene after the selected one</source>
        <translation>在所选场景之后添加场景</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Duplicate the selected scene</source>
        <translation>复制所选场景</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected scenes</source>
        <translation>删除所选场景</translation>
    </message>
    <message>
        <source>Add a character</source>
        <translation>添加角色</translation>
    </message>
    <message>
        <source>Delete the selected character (only when no dialogue uses it)</source>
        <translation>删除所选角色（仅当没有对白使用它时）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Characters&lt;/b&gt;</source>
        <translation>&lt;b&gt;角色&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Character %1</source>
        <translation>角色 %1</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>场景 %1</translation>
    </message>
    <message>
        <source>Add scene</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Duplicate scene</source>
        <translation>复制场景</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n scene(s)</source>
        <translation>
            <numerusform>删除 %n 个场景</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Scene…</source>
        <translation>删除场景…</translation>
    </message>
    <message>
        <source>Delete Scene</source>
        <translation>删除场景</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n scene(s): %1?</source>
        <translation>
            <numerusform>删除 %n 个场景：%1？</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit &gt; Undo brings them back with their chunks and takes.</source>
        <translation>使用“编辑 &gt; 撤销”可将它们连同其片段和版本一起恢复。</translation>
    </message>
</context>
<context>
    <name>sw::ui::ReferenceSlot</name>
    <message>
        <source>Drop a picture here to use it as the reference image.</source>
        <translation>将图片拖到此处，即可将其用作参考图像。</translation>
    </message>
    <message>
        <source>No reference image yet: the first render generates one.</source>
        <translation>还没有参考图像：首次渲染时会生成一张。</translation>
    </message>
    <message>
        <source>your picture %1</source>
        <translation>您的图片 %1</translation>
    </message>
    <message>
        <source>generated by %1</source>
        <translation>由 %1 生成</translation>
    </message>
    <message>
        <source>Reference image: %1
%2</source>
        <translation>参考图像：%1
%2</translation>
    </message>
    <message>
        <source>Loading the reference image…</source>
        <translation>正在加载参考图像…</translation>
    </message>
    <message>
        <source>The reference image %1 cannot be read.</source>
        <translation>无法读取参考图像 %1。</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderFilmDialog</name>
    <message>
        <source>Film&apos;s choice</source>
        <translation>按影片设置</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>硬切</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>交叉淡化</translation>
    </message>
    <message>
        <source>Dip to black</source>
        <translation>黑场过渡</translation>
    </message>
    <message>
        <source>Render Film</source>
        <translation>渲染影片</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Into the next scene</source>
        <translation>到下一场景</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Preview quality (480p, fast) for scenes rendered first</source>
        <translation>先渲染的场景使用预览质量（480p，快速）</translation>
    </message>
    <message>
        <source>Transition between scenes:</source>
        <translation>场景之间的过渡：</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Checked scenes are joined in order, a chapter each. A scene whose render is current is reused; the others are rendered first.</source>
        <translation>勾选的场景按顺序连接，每个场景一章。渲染结果为最新的场景直接复用；其余场景先渲染。</translation>
    </message>
    <message>
        <source>Check at least one scene.</source>
        <translation>请至少勾选一个场景。</translation>
    </message>
    <message>
        <source>Name the output file.</source>
        <translation>请指定输出文件。</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderJobModel</name>
    <message>
        <source>Job %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>渲染中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>On the farm: %1</source>
        <translation>在渲染农场上：%1</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderQueuePanel</name>
    <message>
        <source>No renders yet. Select a scene and choose Render Scene (Ctrl+R).</source>
        <translation>还没有渲染任务。选择一个场景，然后选择“渲染场景”（Ctrl+R）。</translation>
    </message>
</context>
<context>
    <name>sw::ui::RenderSceneDialog</name>
    <message>
        <source>Render Scene: %1</source>
        <translation>渲染场景：%1</translation>
    </message>
    <message numerus="yes">
        <source>Render %n Scenes</source>
        <translation>
            <numerusform>渲染 %n 个场景</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Render</source>
        <translation>渲染(&amp;R)</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Video segments: %1 of %2 ready</source>
        <translation>视频片段：%2 个中 %1 个就绪</translation>
    </message>
    <message>
        <source>Total duration:</source>
        <translation>总时长：</translation>
    </message>
    <message>
        <source>16:9 (landscape)</source>
        <translation>16:9（横屏）</translation>
    </message>
    <message>
        <source>9:16 (vertical)</source>
        <translation>9:16（竖屏）</translation>
    </message>
    <message>
        <source>1:1 (square)</source>
        <translation>1:1（方形）</translation>
    </message>
    <message>
        <source>Preview mode (fast, 480p, lower quality)</source>
        <translation>预览模式（快速，480p，较低画质）</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Aspect:</source>
        <translation>宽高比：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Audio tracks</source>
        <translation>音轨</translation>
    </message>
    <message>
        <source>Narration (%1)</source>
        <translation>旁白（%1）</translation>
    </message>
    <message>
        <source>Narration (about %1, to generate)</source>
        <translation>旁白（约 %1，待生成）</translation>
    </message>
    <message>
        <source>no narration text</source>
        <translation>没有旁白文本</translation>
    </message>
    <message numerus="yes">
        <source>Dialogue (%n line(s)</source>
        <translation>
            <numerusform>对白（%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n character(s))</source>
        <translation>
            <numerusform>，%n 个角色）</numerusform>
        </translation>
    </message>
    <message>
        <source>no dialogue lines</source>
        <translation>没有对白</translation>
    </message>
    <message>
        <source>Music (%1)</source>
        <translation>音乐（%1）</translation>
    </message>
    <message>
        <source>no music prompt</source>
        <translation>没有音乐提示词</translation>
    </message>
    <message numerus="yes">
        <source>Sound effects (%n cue(s))</source>
        <translation>
            <numerusform>音效（%n 个提示点）</numerusform>
        </translation>
    </message>
    <message>
        <source>no SFX cues</source>
        <translation>没有音效提示点</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Render to</source>
        <translation>渲染到</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message numerus="yes">
        <source>Will generate %n video segment(s)</source>
        <translation>
            <numerusform>将生成 %n 个视频片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and take %n from the cache.</source>
        <translation>
            <numerusform>，并从缓存中取用 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated cost: %1.</source>
        <translation>预计费用：%1。</translation>
    </message>
    <message>
        <source>Cost unknown: %1</source>
        <translation>费用未知：%1</translation>
    </message>
    <message>
        <source>The model registry could not be loaded.</source>
        <translation>无法加载模型注册表。</translation>
    </message>
    <message>
        <source>Each scene to exports/NN-scene-title.mp4</source>
        <translation>每个场景输出到 exports/NN-场景标题.mp4</translation>
    </message>
    <message>
        <source>narration</source>
        <translation>旁白</translation>
    </message>
    <message numerus="yes">
        <source>%n dialogue line(s)</source>
        <translation>
            <numerusform>%n 句对白</numerusform>
        </translation>
    </message>
    <message>
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message numerus="yes">
        <source>%n sound effect(s)</source>
        <translation>
            <numerusform>%n 个音效</numerusform>
        </translation>
    </message>
    <message>
        <source>Audio to generate: %1.</source>
        <translation>待生成音频：%1。</translation>
    </message>
    <message>
        <source>Keep the scene&apos;s duration (cuts speech that does not fit)</source>
        <translation>保持场景时长（截掉放不下的语音）</translation>
    </message>
    <message>
        <source>Unchecked, the scene is lengthened to fit the speech. Checked, it keeps its duration and the render warns naming each line that is cut.</source>
        <translation>不勾选时，场景会延长以容纳语音。勾选时，场景保持原有时长，渲染时会发出警告并列出每一句被截掉的台词。</translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n stale chunk(s) as they are</source>
        <translation>
            <numerusform>保持这 %n 个过期片段不变</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep stale chunks as they are (none is stale)</source>
        <translation>保持过期片段不变（当前没有过期片段）</translation>
    </message>
    <message>
        <source>A chunk is stale when the chunk before it changed, so its first frame no longer matches. Unchecked, the render generates it again from the new frame (priced below). Checked, it is rendered as it is and the seam may jump.</source>
        <translation>当前一片段发生更改、导致某片段的首帧不再衔接时，该片段即为过期。不勾选时，渲染会从新帧重新生成它（费用见下方）。勾选时，将按原样渲染，接缝处的画面可能会跳变。</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Stop before this render spends more than</source>
        <translation>在本次渲染花费超过以下金额之前停止</translation>
    </message>
    <message>
        <source>One budget for every scene of this render and every resume of its jobs. Unticked, the project&apos;s budget applies when it has one.</source>
        <translation>本次渲染的所有场景及其任务的每次恢复共用同一预算。不勾选时，如果项目设有预算，则使用项目预算。</translation>
    </message>
    <message>
        <source>Use this as the project&apos;s budget for every render</source>
        <translation>将此设为项目所有渲染的预算</translation>
    </message>
    <message numerus="yes">
        <source>%n reference image(s) to generate.</source>
        <translation>
            <numerusform>待生成 %n 张参考图像。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendered as they are: %1.</source>
        <translation>按原样渲染：%1。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>What this render does</source>
        <translation>本次渲染将做什么</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>keep as is</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No budget for this render: it spends what it needs (estimated %1).</source>
        <translation>本次渲染没有预算：按需花费（估计 %1）。</translation>
    </message>
    <message>
        <source>The estimate, %1, is over the %2 budget: the render stops before it spends more.</source>
        <translation>估计费用 %1 超过 %2 的预算：渲染会在超出之前停止。</translation>
    </message>
    <message>
        <source>Estimated %1 of the %2 budget.</source>
        <translation>估计 %1，预算 %2。</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>未知金额</translation>
    </message>
    <message>
        <source>Replace the video?</source>
        <translation>替换视频？</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>Rendering replaces it with the new video when the render is finished (%1).</source>
        <translation>渲染完成后将用新视频替换它（%1）。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep the file</source>
        <translation>保留文件</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>its inputs changed</source>
        <translation>其输入已更改</translation>
    </message>
    <message>
        <source>the chunk before it changed</source>
        <translation>前一片段已更改</translation>
    </message>
    <message>
        <source>its file left the cache</source>
        <translation>其文件已不在缓存中</translation>
    </message>
    <message>
        <source>the last attempt failed</source>
        <translation>上次尝试失败</translation>
    </message>
    <message>
        <source>not generated yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <source>being generated</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <source>past the scene&apos;s end</source>
        <translation>超出场景结尾</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Replace the videos?</source>
        <translation>替换这些视频？</translation>
    </message>
    <message numerus="yes">
        <source>%n of these videos already exist(s): %1</source>
        <translation>
            <numerusform>其中 %n 个视频已存在：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendering replaces each with its scene&apos;s new video when that scene is finished (in %1).</source>
        <translation>每个场景渲染完成后，会用其新视频替换对应文件（位于 %1）。</translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneCommands</name>
    <message>
        <source>Delete scene &quot;%1&quot;</source>
        <translation>删除场景“%1”</translation>
    </message>
    <message>
        <source>Move scene</source>
        <translation>移动场景</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneInspector</name>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>What happens in this scene</source>
        <translation>这个场景中发生了什么</translation>
    </message>
    <message>
        <source>What the camera sees: setting, light, style</source>
        <translation>镜头看到的内容：场景、光线、风格</translation>
    </message>
    <message>
        <source>Camera, action, shot (added to every chunk)</source>
        <translation>镜头、动作、景别（附加到每个片段）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Scr&amp;ipt:</source>
        <translation>剧本(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Visual prompt:</source>
        <translation>画面提示词(&amp;V)：</translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation>导演指示(&amp;I)：</translation>
    </message>
    <message>
        <source>Target &amp;duration:</source>
        <translation>目标时长(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>visual prompt</source>
        <translation>画面提示词</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>导演指示</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Spoken by the narrator over the scene</source>
        <translation>由旁白在场景中朗读</translation>
    </message>
    <message>
        <source>narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>e.g. sparse piano, rain outside</source>
        <translation>例如：稀疏的钢琴，窗外下雨</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>情绪：</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>music prompt</source>
        <translation>音乐提示词</translation>
    </message>
    <message>
        <source>music mood</source>
        <translation>音乐情绪</translation>
    </message>
    <message>
        <source>tempo</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加台词</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除台词</translation>
    </message>
    <message>
        <source>Narrator</source>
        <translation>旁白者</translation>
    </message>
    <message>
        <source>Sound effects</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>Add cue</source>
        <translation>添加提示点</translation>
    </message>
    <message>
        <source>Remove cue</source>
        <translation>删除提示点</translation>
    </message>
    <message>
        <source>door slams</source>
        <translation>关门声</translation>
    </message>
    <message>
        <source>Project default</source>
        <translation>项目默认</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The model registry is not available, so no chunk plan can be shown.</source>
        <translation>模型注册表不可用，无法显示片段计划。</translation>
    </message>
    <message>
        <source>No chunk plan: %1</source>
        <translation>无片段计划：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n chunk(s) of about %1 s with %2 cover %3.</source>
        <translation>
            <numerusform>使用 %2 生成 %n 个约 %1 秒的片段，覆盖 %3。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendering it now: %n part(s) to generate, about %1.</source>
        <translation>
            <numerusform>如果现在渲染：需生成 %n 个部分，约 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rendering it now: %n part(s) to generate, cost unknown (%1).</source>
        <translation>
            <numerusform>如果现在渲染：需生成 %n 个部分，费用未知（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the model</source>
        <translation>更换模型</translation>
    </message>
    <message>
        <source>Render &quot;%1&quot; with %2 from now on?</source>
        <translation>从现在起使用 %2 渲染“%1”吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n generated chunk(s) will be out of date: the next render generates them again with %1 (%2). Every take is kept: choosing one in the chunk inspector brings it back.</source>
        <translation>
            <numerusform>%n 个已生成的片段将变为待更新：下次渲染会使用 %1（%2）重新生成它们。所有版本都会保留：在片段检查器中选择某个版本即可恢复它。</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>cost unknown: %1</source>
        <translation>费用未知：%1</translation>
    </message>
    <message>
        <source>Change &amp;model</source>
        <translation>更换模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reference image:</source>
        <translation>参考图像(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>sw::ui::SceneListModel</name>
    <message>
        <source>Not generated</source>
        <translation>未生成</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n 个过期</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>%1 of %2 ready</source>
        <translation>%2 个中 %1 个就绪</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message numerus="yes">
        <source>%n out of date</source>
        <translation>
            <numerusform>%n 个待更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n 个缺失</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chunk(s), %1 ready, %2 spent</source>
        <translation>
            <numerusform>%n 个片段，%1 个就绪，已花费 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::ui::ScenePreviewRender</name>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>The %1 is %2%3: render the scene (or regenerate it) to preview it as rendered.</source>
        <translation>%1 为%2%3：请先渲染场景（或重新生成），才能按渲染效果预览。</translation>
    </message>
    <message>
        <source>Cannot create the preview folder %1.</source>
        <translation>无法创建预览文件夹 %1。</translation>
    </message>
    <message>
        <source>The preview render could not be queued.</source>
        <translation>无法将预览渲染加入队列。</translation>
    </message>
    <message>
        <source>The preview render stopped.</source>
        <translation>预览渲染已停止。</translation>
    </message>
    <message>
        <source>The preview render failed: %1</source>
        <translation>预览渲染失败：%1</translation>
    </message>
</context>
<context>
    <name>sw::ui::SfxCueModel</name>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Gain (dB)</source>
        <translation>增益（dB）</translation>
    </message>
    <message>
        <source>Edit sound cue</source>
        <translation>编辑音效提示点</translation>
    </message>
    <message>
        <source>Add sound cue</source>
        <translation>添加音效提示点</translation>
    </message>
    <message>
        <source>Delete sound cue</source>
        <translation>删除音效提示点</translation>
    </message>
    <message>
        <source>the sound file of cue &apos;%1&apos;</source>
        <translation>音效提示点“%1”的声音文件</translation>
    </message>
    <message>
        <source>Set sound cue file</source>
        <translation>设置音效提示点文件</translation>
    </message>
</context>
<context>
    <name>sw::ui::ShortcutsDialog</name>
    <message>
        <source>Elsewhere</source>
        <translation>其他位置</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>sw::ui::TakeLotteryDialog</name>
    <message>
        <source>Takes of chunk %1</source>
        <translation>片段 %1 的版本</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generate several takes of chunk %1 at once&lt;/b&gt;&lt;br&gt;Each take has its own seed; the active take stays until you keep another.</source>
        <translation>&lt;b&gt;一次生成片段 %1 的多个版本&lt;/b&gt;&lt;br&gt;每个版本都有自己的种子；在您保留其他版本之前，当前版本保持不变。</translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation>参考图像</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generate several reference images at once&lt;/b&gt;&lt;br&gt;Each has its own seed; the image in use stays until you keep another.</source>
        <translation>&lt;b&gt;一次生成多张参考图像&lt;/b&gt;&lt;br&gt;每张都有自己的种子；在您保留其他图像之前，正在使用的图像保持不变。</translation>
    </message>
    <message>
        <source>Takes:</source>
        <translation>版本数：</translation>
    </message>
    <message>
        <source>Press Play under a take to watch it here.</source>
        <translation>点击某个版本下方的“播放”，即可在此观看。</translation>
    </message>
    <message>
        <source>Estimated cost: %1 (%2 each)</source>
        <translation>预计费用：%1（每个 %2）</translation>
    </message>
    <message>
        <source>Estimated cost: unknown (%1)</source>
        <translation>预计费用：未知（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n takes</source>
        <translation>
            <numerusform>生成 %n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <source>The render queue did not accept the takes.</source>
        <translation>渲染队列未接受这些版本。</translation>
    </message>
    <message numerus="yes">
        <source>Generating %n takes…</source>
        <translation>
            <numerusform>正在生成 %n 个版本…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating the takes failed: %1</source>
        <translation>生成版本失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n takes ready. Play them, then keep the one you like; the others stay in the chunk&apos;s takes.</source>
        <translation>
            <numerusform>%n 个版本已就绪。播放后保留您喜欢的那个；其他版本仍保存在该片段的版本中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Keep this take</source>
        <translation>保留此版本</translation>
    </message>
    <message>
        <source>Seed %1 · %2%3</source>
        <translation>种子 %1 · %2%3</translation>
    </message>
    <message>
        <source> · active</source>
        <translation> · 当前</translation>
    </message>
    <message>
        <source>Active take</source>
        <translation>当前版本</translation>
    </message>
    <message>
        <source>Take %1 (seed %2)</source>
        <translation>版本 %1（种子 %2）</translation>
    </message>
    <message>
        <source>Keep take (seed %1) of chunk %2</source>
        <translation>保留片段 %2 的版本（种子 %1）</translation>
    </message>
</context>
<context>
    <name>sw::ui::TakeModel</name>
    <message>
        <source>Take %1%2
seed %3 · %4</source>
        <translation>版本 %1%2
种子 %3 · %4</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation>（当前）</translation>
    </message>
</context>
<context>
    <name>sw::ui::TimelineWidget</name>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>SFX</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>Chunk timeline</source>
        <translation>片段时间线</translation>
    </message>
    <message>
        <source>No chunks yet: Render Scene plans and generates them.</source>
        <translation>还没有片段：“渲染场景”会规划并生成它们。</translation>
    </message>
    <message>
        <source>Select a scene to see its chunks.</source>
        <translation>选择一个场景以查看其片段。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Trim chunk</source>
        <translation>修剪片段</translation>
    </message>
    <message>
        <source>Chunk %1 · %2</source>
        <translation>片段 %1 · %2</translation>
    </message>
    <message>
        <source>Follows the scene&apos;s prompt</source>
        <translation>跟随场景的提示词</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message>
        <source>Seed %1 · %2 · %3 s from %4 s</source>
        <translation>种子 %1 · %2 · 从 %4 秒起 %3 秒</translation>
    </message>
    <message>
        <source>Right-click for Regenerate, takes and more</source>
        <translation>右键单击可重新生成、切换版本等</translation>
    </message>
    <message>
        <source>Click or drag to move the playhead</source>
        <translation>单击或拖动以移动播放头</translation>
    </message>
    <message>
        <source>In %1 s (scene %2 s)</source>
        <translation>入点 %1 秒（场景 %2 秒）</translation>
    </message>
    <message>
        <source>Out: %1 s trimmed (scene %2 s)</source>
        <translation>出点：已修剪 %1 秒（场景 %2 秒）</translation>
    </message>
    <message>
        <source>In %1 s</source>
        <translation>入点 %1 秒</translation>
    </message>
    <message>
        <source>Out: %1 s trimmed</source>
        <translation>出点：已修剪 %1 秒</translation>
    </message>
    <message>
        <source>(follows the scene&apos;s prompt)</source>
        <translation>（跟随场景的提示词）</translation>
    </message>
</context>
<context>
    <name>sw::ui::UserGuideDialog</name>
    <message>
        <source>Scenewright User Guide</source>
        <translation>Scenewright 用户指南</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
</context>
<context>
    <name>sw::ui::UserMedia</name>
    <message>
        <source>%1 is not a sound file (it has no audio, or it is a video): drop a WAV, MP3, FLAC, Ogg or M4A file.</source>
        <translation>%1 不是声音文件（没有音频，或者是视频）：请拖入 WAV、MP3、FLAC、Ogg 或 M4A 文件。</translation>
    </message>
    <message>
        <source>%1 is not a video: drop an MP4, MOV, WebM or MKV file.</source>
        <translation>%1 不是视频：请拖入 MP4、MOV、WebM 或 MKV 文件。</translation>
    </message>
    <message>
        <source>%1 is not a picture: drop a PNG or JPEG file.</source>
        <translation>%1 不是图片：请拖入 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 不是可读取的文件。</translation>
    </message>
    <message>
        <source>%1 is not a media file Scenewright can read (FFmpeg does not recognise it).</source>
        <translation>%1 不是 Scenewright 能读取的媒体文件（FFmpeg 无法识别）。</translation>
    </message>
    <message>
        <source>Could not copy %1 into the asset cache %2 (check free space and permissions).</source>
        <translation>无法将 %1 复制到素材缓存 %2（请检查可用空间和权限）。</translation>
    </message>
    <message>
        <source>Could not use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
</context>
<context>
    <name>sw::ui::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Scenewright&lt;/h1&gt;&lt;p&gt;A director&apos;s console for AI-generated video.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Scenewright&lt;/h1&gt;&lt;p&gt;AI 生成视频的导演控制台。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the Sample Project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <source>A three-scene story that renders offline with the local backend.</source>
        <translation>一个三场景的故事，可使用本地后端离线渲染。</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>An empty project folder (NAME.scenewright).</source>
        <translation>一个空的项目文件夹（NAME.scenewright）。</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Choose a NAME.scenewright project folder.</source>
        <translation>选择一个 NAME.scenewright 项目文件夹。</translation>
    </message>
    <message>
        <source>Import a Screenplay…</source>
        <translation>导入剧本…</translation>
    </message>
    <message>
        <source>A Fountain screenplay becomes the scenes of a new project.</source>
        <translation>将 Fountain 剧本导入为新项目的场景。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Recent projects&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;最近的项目&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>No recent projects yet. Open the sample project to look around, or start a new one.</source>
        <translation>还没有最近的项目。打开示例项目看看，或新建一个项目。</translation>
    </message>
    <message>
        <source>%1 no longer holds a project.</source>
        <translation>%1 中已不再有项目。</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove %1 from the recent projects</source>
        <translation>从最近的项目中移除 %1</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
</context>
</TS>
