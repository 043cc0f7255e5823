<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attention</name>
    <message>
        <source>Blinking! Try to keep your eyes still for a moment.</source>
        <translation>在眨眼！请让眼睛保持不动一会儿。</translation>
    </message>
    <message>
        <source>Relax your jaw and face.</source>
        <translation>放松下巴和面部。</translation>
    </message>
    <message>
        <source>Try to sit still.</source>
        <translation>请尽量坐着别动。</translation>
    </message>
    <message>
        <source>The headset has lost contact. Please ask a member of staff.</source>
        <translation>头戴设备接触不良，请找工作人员帮忙。</translation>
    </message>
    <message>
        <source>Focus duel: a draw, %1 to %2</source>
        <translation>专注力对决：平局，%1 比 %2</translation>
    </message>
    <message>
        <source>Focus duel: player %1 won, %2 to %3</source>
        <translation>专注力对决：玩家 %1 获胜，%2 比 %3</translation>
    </message>
    <message>
        <source>as at rest</source>
        <translation>与休息时相同</translation>
    </message>
    <message>
        <source>alpha waves (8-13 Hz)</source>
        <translation>α 波（8–13 Hz）</translation>
    </message>
    <message>
        <source>beta waves (13-30 Hz)</source>
        <translation>β 波（13–30 Hz）</translation>
    </message>
    <message>
        <source>you at rest, eyes open</source>
        <translation>你睁眼休息时</translation>
    </message>
    <message>
        <source>your alpha with eyes closed</source>
        <translation>你闭眼时的 α 波</translation>
    </message>
    <message>
        <source>seconds into the round</source>
        <translation>本局开始后的秒数</translation>
    </message>
    <message>
        <source>focus score</source>
        <translation>专注得分</translation>
    </message>
    <message>
        <source>strength (% of rest)</source>
        <translation>强度（休息时的 %）</translation>
    </message>
    <message>
        <source>First we learn your brain at rest. Eyes open: look at the screen and relax.</source>
        <translation>先来认识你休息时的大脑。请睁着眼睛看屏幕，放松。</translation>
    </message>
    <message>
        <source>Now close your eyes and relax. A sound tells you when to open them.</source>
        <translation>现在请闭上眼睛放松。听到提示音再睁开。</translation>
    </message>
    <message>
        <source>Now close your eyes and relax for %1 seconds. The screen lights up when it is time to open them.</source>
        <translation>现在请闭上眼睛放松 %1 秒。屏幕变亮时，就可以睁开眼睛了。</translation>
    </message>
    <message>
        <source>Get ready… %1</source>
        <translation>准备… %1</translation>
    </message>
    <message>
        <source>Relax and breathe slowly, eyes half closed: the calmer you are, the higher the balloon.</source>
        <translation>放松，慢慢呼吸，眼睛半闭：你越平静，气球飞得越高。</translation>
    </message>
    <message>
        <source>Focus! The one who concentrates more pulls the ball to their side.</source>
        <translation>集中注意！谁更专注，球就被拉向谁那边。</translation>
    </message>
    <message>
        <source>Concentrate: count down from 100, taking away 7 each time (100, 93, 86 …), and the rocket climbs.</source>
        <translation>集中注意：从 100 开始往下数，每次减 7（100、93、86……），火箭就会上升。</translation>
    </message>
    <message>
        <source>When you relax, and most of all with your eyes closed, slow alpha waves (8-13 Hz) grow, strongest at the back of the head. The balloon rose with your alpha.</source>
        <translation>当你放松，尤其是闭上眼睛时，慢速的 α 波（8–13 Hz）会增强，在后脑最明显。气球随你的 α 波升起。</translation>
    </message>
    <message>
        <source>When you concentrate, the slow alpha waves (8-13 Hz) of a resting brain fade and faster beta waves (13-30 Hz) grow. The game measured beta against alpha and theta.</source>
        <translation>当你集中注意时，休息状态下的慢速 α 波（8–13 Hz）会减弱，较快的 β 波（13–30 Hz）会增强。游戏测量的是 β 波相对于 α 波和 θ 波的强弱。</translation>
    </message>
    <message>
        <source>How it worked</source>
        <translation>原理揭秘</translation>
    </message>
    <message>
        <source>Play again</source>
        <translation>再玩一次</translation>
    </message>
    <message>
        <source>Player %1 wins!</source>
        <translation>玩家 %1 获胜！</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>专注</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>放松</translation>
    </message>
    <message>
        <source>Let&apos;s try that again</source>
        <translation>我们再试一次</translation>
    </message>
    <message>
        <source>The headset&apos;s signal was not clean enough to learn your brain at rest. Sit still, relax your jaw, and ask a member of staff to check the headset if this happens again.</source>
        <translation>头戴设备的信号不够干净，无法认识你休息时的大脑。请坐好别动、放松下巴；如果再次出现，请找工作人员检查设备。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Today&apos;s best</source>
        <translation>今日最佳</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>专注</translation>
    </message>
    <message>
        <source>Relax</source>
        <translation>放松</translation>
    </message>
    <message>
        <source>Please type a nickname first.</source>
        <translation>请先输入昵称。</translation>
    </message>
    <message>
        <source>That nickname is too long: %1 characters at most.</source>
        <translation>昵称太长了：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>That nickname has characters we cannot show. Please use letters and numbers.</source>
        <translation>昵称里有无法显示的字符，请使用文字和数字。</translation>
    </message>
    <message>
        <source>Sound: on</source>
        <translation>声音：开</translation>
    </message>
    <message>
        <source>Sound: off</source>
        <translation>声音：关</translation>
    </message>
    <message>
        <source>Focus or relax: your brain drives</source>
        <translation>专注或放松：用大脑来操控</translation>
    </message>
    <message>
        <source>First %1 seconds to learn your brain at rest (eyes open, then closed), then a round of %2 seconds. Focus to launch a rocket, or relax to lift a balloon.</source>
        <translation>先用 %1 秒认识你休息时的大脑（先睁眼，再闭眼），然后玩一局 %2 秒的游戏。专注能让火箭升空，放松能让气球上升。</translation>
    </message>
    <message>
        <source>Saved: number %1 today!</source>
        <translation>已保存：今日第 %1 名！</translation>
    </message>
    <message>
        <source>Player %1: %2</source>
        <extracomment>What staff should know about the board (a damaged file, no disk), on the staff line.</extracomment>
        <translation>玩家 %1：%2</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>还剩 %1 秒</translation>
    </message>
    <message>
        <source>%1 / %2 characters: too long</source>
        <translation>%1 / %2 个字：太长了</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 个字</translation>
    </message>
    <message>
        <source>We could not measure this round</source>
        <translation>这一局没能测量成功</translation>
    </message>
    <message>
        <source>Blinks, movement or the headset covered most of it, so there is no score this time. Sit still, relax your face and try again; a member of staff can check the headset.</source>
        <translation>这一局大部分时间被眨眼、身体移动或头戴设备问题干扰，所以这次没有得分。请坐好别动、放松面部再试一次；工作人员可以帮你检查设备。</translation>
    </message>
    <message>
        <source>A draw!</source>
        <translation>平局！</translation>
    </message>
    <message>
        <source>Average focus of player 1: %1; of player 2: %2 (50 = as focused as at rest).</source>
        <translation>玩家 1 的平均专注度：%1；玩家 2 的：%2（50 = 与休息时一样专注）。</translation>
    </message>
    <message>
        <source>Your focus score: %1</source>
        <translation>你的专注得分：%1</translation>
    </message>
    <message>
        <source>50 is how focused you were at rest with your eyes open.</source>
        <translation>50 代表你睁眼休息时的专注程度。</translation>
    </message>
    <message>
        <source>Your relax score: %1</source>
        <translation>你的放松得分：%1</translation>
    </message>
    <message>
        <source>50 is halfway from how you were with your eyes open to how you were with them closed.</source>
        <translation>50 代表介于你睁眼时和闭眼时之间的中间状态。</translation>
    </message>
    <message>
        <source>Put your nickname on today&apos;s board, if you like (no real names needed).</source>
        <translation>愿意的话，可以把昵称写上今日排行榜（不需要真实姓名）。</translation>
    </message>
    <message>
        <source>Each line is a player&apos;s focus: beta waves (13-30 Hz) against slower alpha and theta waves, compared with that player&apos;s own rest (50). The higher line pulled the ball.</source>
        <translation>每条线是一位玩家的专注度：β 波（13–30 Hz）相对于较慢的 α 波和 θ 波的强弱，并与该玩家自己休息时的状态（50）相比。线更高的一方把球拉了过去。</translation>
    </message>
    <message>
        <source>Back to my score</source>
        <translation>返回我的得分</translation>
    </message>
    <message>
        <source>Same player? Choose a game and it starts at once (%1 seconds). Someone new? Touch &quot;New player&quot; first, so the game learns their brain at rest.</source>
        <translation>还是同一位玩家？选择游戏即可立刻开始（%1 秒）。换人了？请先点“新玩家”，让游戏认识新玩家休息时的大脑。</translation>
    </message>
    <message>
        <source>New player</source>
        <translation>新玩家</translation>
    </message>
    <message>
        <source>Focus: rocket</source>
        <translation>专注：火箭</translation>
    </message>
    <message>
        <source>Relax: balloon</source>
        <translation>放松：气球</translation>
    </message>
    <message>
        <source>Duel: two players</source>
        <translation>对战：双人</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Pick a fun name</source>
        <translation>随机起个名字</translation>
    </message>
    <message>
        <source>Player 1</source>
        <translation>玩家 1</translation>
    </message>
    <message>
        <source>Player 2</source>
        <translation>玩家 2</translation>
    </message>
    <message>
        <source>Names are wiped one hour after they are typed.</source>
        <translation>昵称在输入一小时后删除。</translation>
    </message>
    <message>
        <source>Names are wiped when you leave the game.</source>
        <translation>你离开游戏时，昵称就会删除。</translation>
    </message>
    <message>
        <source>Names are wiped at the end of today.</source>
        <translation>昵称在今天结束时删除。</translation>
    </message>
    <message>
        <source>Open your eyes!</source>
        <translation>睁开眼睛！</translation>
    </message>
</context>
<context>
    <name>BoardProfiles</name>
    <message>
        <source>8 channels at 250 Hz through the USB radio dongle.</source>
        <extracomment>The built-in profiles&apos; descriptions (``drivers/boards/profiles/*.toml``) for Qt&apos;s tools to extract; shown through :func:`profile_description` (their names: :func:`app.status.board_display_name`). A profile of the showroom&apos;s own shows as its file says.</extracomment>
        <translation>8 通道，250 Hz，通过 USB 无线接收器连接。</translation>
    </message>
    <message>
        <source>16 channels at 125 Hz through the USB radio dongle.</source>
        <translation>16 通道，125 Hz，通过 USB 无线接收器连接。</translation>
    </message>
    <message>
        <source>EEG headphones: 4 channels at 250 Hz.</source>
        <translation>脑电耳机：4 通道，250 Hz。</translation>
    </message>
    <message>
        <source>4 channels at 200 Hz; placement Fp1, C3, C4, Oz.</source>
        <translation>4 通道，200 Hz；电极位置 Fp1、C3、C4、Oz。</translation>
    </message>
    <message>
        <source>4 channels at 256 Hz on forehead and behind the ears.</source>
        <translation>4 通道，256 Hz，位于前额和耳后。</translation>
    </message>
    <message>
        <source>Replays a BrainFlow recording as if it were live.</source>
        <translation>像实时数据一样回放 BrainFlow 录制的文件。</translation>
    </message>
    <message>
        <source>Sine waves generated inside BrainFlow; no headset needed.</source>
        <translation>由 BrainFlow 生成的正弦波，无需头戴设备。</translation>
    </message>
    <message>
        <source>8 channels at 250 Hz on a fixed cap.</source>
        <translation>8 通道，250 Hz，电极固定在脑电帽上。</translation>
    </message>
    <message>
        <source>A simulated visitor: every demo works without a headset.</source>
        <translation>模拟的观众：不戴头戴设备也能运行所有演示。</translation>
    </message>
    <message>
        <source>A simulated visitor on a 32-channel cap at 1000 Hz.</source>
        <translation>模拟的观众，佩戴 32 通道、1000 Hz 的脑电帽。</translation>
    </message>
</context>
<context>
    <name>BoardSetting</name>
    <message>
        <source>The headset chosen in the staff console cannot be used, so the virtual visitor runs instead. Staff: check the headset settings in the staff console.</source>
        <extracomment>Qt timers count milliseconds in a C int: about 24.8 days.</extracomment>
        <translation>工作人员控制台中选择的头戴设备无法使用，已改用虚拟观众。工作人员：请在控制台中检查头戴设备设置。</translation>
    </message>
</context>
<context>
    <name>Boards</name>
    <message>
        <source>Virtual visitor</source>
        <extracomment>The names of the built-in profiles (``drivers/boards/profiles/*.toml``, by key) that have words to translate; the others are brand and model names, the same in every language. A profile staff wrote themselves is shown as they named it.</extracomment>
        <translation>虚拟观众</translation>
    </message>
    <message>
        <source>Virtual visitor, 32 ch @ 1 kHz</source>
        <translation>虚拟观众，32 通道 @ 1 kHz</translation>
    </message>
    <message>
        <source>BrainFlow synthetic board</source>
        <translation>BrainFlow 模拟数据板</translation>
    </message>
    <message>
        <source>BrainFlow playback file</source>
        <translation>BrainFlow 回放文件</translation>
    </message>
    <message>
        <source>OpenBCI Ganglion (BLED112 dongle)</source>
        <translation>OpenBCI Ganglion（BLED112 接收器）</translation>
    </message>
    <message>
        <source>OpenBCI Ganglion (native Bluetooth)</source>
        <translation>OpenBCI Ganglion（系统蓝牙）</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Before you start</source>
        <translation>开始之前</translation>
    </message>
    <message>
        <source>A brain-computer interface turns your brain&apos;s activity into actions on the screen.</source>
        <translation>脑机接口能把你的大脑活动变成屏幕上的动作。</translation>
    </message>
    <message>
        <source>What the headset measures</source>
        <translation>头戴设备测量什么</translation>
    </message>
    <message>
        <source>Tiny electrical signals from your brain (EEG), picked up by sensors resting on your skin.</source>
        <translation>大脑发出的微弱电信号（脑电），由贴在皮肤上的传感器接收。</translation>
    </message>
    <message>
        <source>It is safe</source>
        <translation>安全无害</translation>
    </message>
    <message>
        <source>The headset only listens. It sends nothing into your head and does not hurt.</source>
        <translation>头戴设备只“听”，不会向头部发送任何东西，也不会疼。</translation>
    </message>
    <message>
        <source>Nothing about you is kept</source>
        <translation>不保存你的任何信息</translation>
    </message>
    <message>
        <source>Your brain signals are shown live, then forgotten. No name, no photo; a nickname you type for a game&apos;s board is wiped the same day.</source>
        <translation>脑电信号只实时显示，随后即被清除。不记姓名，不拍照；排行榜上的昵称当天删除。</translation>
    </message>
    <message>
        <source>Stop any time</source>
        <translation>随时可以停止</translation>
    </message>
    <message>
        <source>Touch &quot;I&apos;m done&quot;, tell a member of staff, or simply take the headset off.</source>
        <translation>点“结束体验”、告诉工作人员，或直接摘下头戴设备都可以。</translation>
    </message>
    <message>
        <source>Flashing light</source>
        <translation>闪烁画面</translation>
    </message>
    <message>
        <source>Some demos flicker. They warn you first, so you can skip them if flashing light is not good for you.</source>
        <translation>部分演示画面会闪烁。开始前会先提醒你；如果你不适合看闪光，可以跳过。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>DemoHost</name>
    <message>
        <source>Back to menu</source>
        <extracomment>Every way a visitor can touch the kiosk: while a flicker runs, each one stops it. After the shell stops a demo, its page&apos;s buttons wait this long: the second tap of a double tap (or a startled one) must not press Continue, which appears where the visitor just touched. Where the signal check reads: the first headset&apos;s stream and its mains frequency (Hz).</extracomment>
        <translation>返回菜单</translation>
    </message>
    <message>
        <source>Flashing lights</source>
        <translation>闪光提示</translation>
    </message>
    <message>
        <source>This game uses flickering lights.

A very small number of people can have a seizure when they see flashing lights. If you or anyone in your family has epilepsy or has ever had a seizure, please do not play, and tell a member of staff.

Touch the screen at any time to stop the flicker.</source>
        <translation>这个游戏使用闪烁的灯光。

极少数人看到闪光时可能会癫痫发作。如果你或家人患有癫痫，或曾经发作过，请不要参加，并告诉工作人员。

任何时候触摸屏幕，闪烁都会立即停止。</translation>
    </message>
    <message>
        <source>I understand, start</source>
        <translation>我已了解，开始</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Waiting for the headset</source>
        <translation>正在等待脑电头戴设备</translation>
    </message>
    <message>
        <source>%1

You can go on as soon as the signal is back.</source>
        <translation>%1

信号恢复后就可以继续。</translation>
    </message>
    <message>
        <source>%1

The demo starts by itself as soon as the signal arrives.</source>
        <translation>%1

信号一到，演示会自动开始。</translation>
    </message>
    <message>
        <source>The lights stopped after %1 seconds so your eyes can rest.</source>
        <translation>闪烁已持续 %1 秒，先停一下，让眼睛休息。</translation>
    </message>
    <message>
        <source>The headset&apos;s signal is back.</source>
        <translation>头戴设备的信号恢复了。</translation>
    </message>
    <message>
        <source>You touched the screen, so the lights stopped.</source>
        <translation>你触摸了屏幕，闪烁已经停止。</translation>
    </message>
    <message>
        <source>Touch Continue when you are ready.</source>
        <translation>准备好后，请点击“继续”。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>← Back to menu</source>
        <translation>← 返回菜单</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <source>Needs an electrode over the %1.</source>
        <extracomment>The smallest tile whose title and description still read at full size (below it, the menu scrolls). Larger tiles only look empty: one or two demos get tiles this big at most, centred. Width over height a tile may have: narrower tiles wrap every word, wider ones look like bars. A tile&apos;s look by its size (the style sheet&apos;s ``#demoTile[tileSize=...]`` rules): larger text and icon on big tiles, so one or two demos don&apos;t sit as small print in a sea of white; smaller on crowded menus. Room inside a tile around its texts (px): left and right, top and bottom.</extracomment>
        <translation>需要在%1放置电极。</translation>
    </message>
    <message>
        <source>Needs %1 channels; this headset has %2.</source>
        <translation>需要 %1 个通道，当前头戴设备只有 %2 个。</translation>
    </message>
    <message>
        <source>This demo could not be loaded.</source>
        <extracomment>The headset sends nothing: the tile is greyed and says so in a visitor&apos;s words.</extracomment>
        <translation>此演示无法加载。</translation>
    </message>
    <message>
        <source>Staff: see the log for details.</source>
        <translation>工作人员：详情请查看日志。</translation>
    </message>
    <message>
        <source>Touch to start ›</source>
        <translation>轻触开始 ›</translation>
    </message>
    <message>
        <source>⚠ Flashing light</source>
        <translation>⚠ 含闪烁光</translation>
    </message>
    <message>
        <source>Brain-Computer Interface Showroom</source>
        <translation>脑机接口体验厅</translation>
    </message>
    <message>
        <source>Choose a demo: touch a tile to start.</source>
        <translation>请选择一个演示：轻触卡片即可开始。</translation>
    </message>
    <message>
        <source>I&apos;m done</source>
        <translation>结束体验</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Oops, something went wrong. Please ask a member of staff for help.</source>
        <translation>哎呀，出了点问题。请向工作人员求助。</translation>
    </message>
    <message>
        <source>This demo could not start. Please choose another one or ask a member of staff.</source>
        <translation>此演示无法启动。请选择其他演示，或向工作人员求助。</translation>
    </message>
    <message>
        <source>Sorry, this demo stopped working. Please choose another one or ask a member of staff.</source>
        <translation>抱歉，这个演示出了问题。请换一个演示，或请工作人员帮忙。</translation>
    </message>
    <message>
        <source>The headset is resting right now. Please ask a member of staff.</source>
        <translation>头戴设备正在休息，请找工作人员帮忙。</translation>
    </message>
</context>
<context>
    <name>FunNames</name>
    <message>
        <source>Brave</source>
        <translation>勇敢</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>快乐</translation>
    </message>
    <message>
        <source>Clever</source>
        <translation>聪明</translation>
    </message>
    <message>
        <source>Swift</source>
        <translation>敏捷</translation>
    </message>
    <message>
        <source>Jolly</source>
        <translation>开心</translation>
    </message>
    <message>
        <source>Lucky</source>
        <translation>幸运</translation>
    </message>
    <message>
        <source>Sunny</source>
        <translation>阳光</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>淡定</translation>
    </message>
    <message>
        <source>Panda</source>
        <translation>熊猫</translation>
    </message>
    <message>
        <source>Tiger</source>
        <translation>老虎</translation>
    </message>
    <message>
        <source>Otter</source>
        <translation>水獭</translation>
    </message>
    <message>
        <source>Koala</source>
        <translation>考拉</translation>
    </message>
    <message>
        <source>Fox</source>
        <translation>狐狸</translation>
    </message>
    <message>
        <source>Owl</source>
        <translation>猫头鹰</translation>
    </message>
    <message>
        <source>Whale</source>
        <translation>鲸鱼</translation>
    </message>
    <message>
        <source>Bunny</source>
        <translation>兔子</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1的%2</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Shift</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Type pinyin</source>
        <translation>请输入拼音</translation>
    </message>
    <message>
        <source>#+=</source>
        <translation>#+=</translation>
    </message>
    <message>
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>δ delta</source>
        <extracomment>The trace spacing stays within this range (µV between channel baselines): 5 µV still shows the quietest real EEG (2-5 µV RMS), 500 µV a frontal blink whole. Beyond it a channel is no EEG (a railed input reads 187,500 µV), and scaling to it would flatten every other trace. A channel whose filtered RMS exceeds this is left out of the scaling: no electrode on skin makes it (see drivers.signal_check.OFF_RMS_UV; real EEG stayed below 170 µV). No new sample for this long (s): the panel says &quot;No signal&quot; over its plots. Room between the traces and the axes (whose ticks reach 5 px into the plot), so repainting the traces never dirties an axis.</extracomment>
        <translation>δ 德尔塔</translation>
    </message>
    <message>
        <source>θ theta</source>
        <translation>θ 西塔</translation>
    </message>
    <message>
        <source>α alpha</source>
        <translation>α 阿尔法</translation>
    </message>
    <message>
        <source>β beta</source>
        <translation>β 贝塔</translation>
    </message>
    <message>
        <source>γ gamma</source>
        <translation>γ 伽马</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <extracomment>A plot&apos;s title (px): a step above its axes&apos; numbers and names. Channels that carried EEG at the last rescale; only they set the spectrum&apos;s range too.</extracomment>
        <translation>秒前</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>频谱</translation>
    </message>
    <message>
        <source>frequency (Hz)</source>
        <translation>频率 (Hz)</translation>
    </message>
    <message>
        <source>power (µV²/Hz)</source>
        <translation>功率 (µV²/Hz)</translation>
    </message>
    <message>
        <source>Band power (% of total)</source>
        <translation>频段功率（占总量 %）</translation>
    </message>
    <message>
        <source>No signal</source>
        <translation>没有信号</translation>
    </message>
    <message>
        <source>EEG, %1 µV between channels</source>
        <translation>脑电，通道间距 %1 µV</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connecting to the headset…</source>
        <extracomment>The second headset&apos;s status (None without one).</extracomment>
        <translation>正在连接头戴设备…</translation>
    </message>
    <message>
        <source>There is no demo called %1.</source>
        <extracomment>The thank-you screen goes back to attract by itself after this long (s). Every discovered demo; the menu shows them in the order and selection staff chose. The headsets: the first one (staff may change its board) and the duel&apos;s second one. The visit: the visitor flow in kiosk mode, the idle clock, the usage sessions. What staff must know (a damaged settings file, a stored board that failed), as functions that say it in the language of the moment. In a kiosk it waits atop the staff console.</extracomment>
        <translation>没有名为 %1 的演示。</translation>
    </message>
    <message>
        <source>Rehearsal keys</source>
        <translation>排练快捷键</translation>
    </message>
    <message>
        <source>Player 2&apos;s board: %1 (%2 Hz)</source>
        <translation>玩家 2 的设备：%1（%2 Hz）</translation>
    </message>
    <message>
        <source>BCI Showroom</source>
        <translation>脑机接口体验厅</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About BCI Showroom</source>
        <translation>关于脑机接口体验厅(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Staff controls</source>
        <translation>工作人员控制(&amp;S)</translation>
    </message>
    <message>
        <source>Staff &amp;console…</source>
        <translation>工作人员控制台(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Rehearsal keys (virtual visitor)</source>
        <translation>排练快捷键（虚拟观众）(&amp;R)</translation>
    </message>
    <message>
        <source>Staff: the settings file was damaged. It was saved as %1 and the showroom started with default settings.</source>
        <translation>工作人员请注意：设置文件已损坏，已另存为 %1，本次以默认设置启动。</translation>
    </message>
    <message>
        <source>Staff: the settings file %1 cannot be saved; changes last until the app closes.</source>
        <translation>工作人员请注意：设置文件 %1 无法保存，所做更改仅在本次运行期间有效。</translation>
    </message>
    <message>
        <source>The second headset (setting duel/board) cannot be used: %1. Starting with one headset.</source>
        <extracomment>The second person on the virtual visitor: another seed, and a weaker focus than the first&apos;s 0.9, so a duel between the two has a winner. The first headset&apos;s acquisition at start; staff may replace it from the console, so code that runs later asks :attr:`acquisitions` (the window&apos;s current ones). The second headset&apos;s acquisition when staff configured one (the duel), else None.</extracomment>
        <translation>第二个头戴设备（设置 duel/board）无法使用：%1。现以一个头戴设备启动。</translation>
    </message>
</context>
<context>
    <name>MiCursor</name>
    <message>
        <source>training trials</source>
        <translation>训练次数</translation>
    </message>
    <message>
        <source>Target %1 of %2   ·   hits: %3</source>
        <translation>第 %1 / %2 个目标   ·   命中：%3</translation>
    </message>
    <message>
        <source>Learning your brain pattern…</source>
        <translation>正在学习你的脑电模式…</translation>
    </message>
    <message>
        <source>Look at the cross and keep still.</source>
        <translation>请注视十字，保持不动。</translation>
    </message>
    <message>
        <source>Imagine squeezing your LEFT hand (don&apos;t move it).</source>
        <translation>想象用力握紧你的左手（手不要真的动）。</translation>
    </message>
    <message>
        <source>Imagine squeezing your RIGHT hand (don&apos;t move it).</source>
        <translation>想象用力握紧你的右手（手不要真的动）。</translation>
    </message>
    <message>
        <source>Relax.</source>
        <translation>放松。</translation>
    </message>
    <message>
        <source>Get ready…</source>
        <translation>准备…</translation>
    </message>
    <message>
        <source>Goal!</source>
        <translation>进球！</translation>
    </message>
    <message>
        <source>Missed. Next one!</source>
        <translation>没进，下一个！</translation>
    </message>
    <message>
        <source>Roll the ball LEFT: imagine squeezing your left hand.</source>
        <translation>把球滚向左边：想象握紧你的左手。</translation>
    </message>
    <message>
        <source>Roll the ball RIGHT: imagine squeezing your right hand.</source>
        <translation>把球滚向右边：想象握紧你的右手。</translation>
    </message>
    <message>
        <source>How it worked</source>
        <translation>原理揭秘</translation>
    </message>
    <message>
        <source>Play again</source>
        <translation>再玩一次</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>Moved the ball with your mind: %1 of %2 goals</source>
        <translation>用意念推球：进球 %1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 goals</source>
        <translation>%2 个目标进了 %1 个</translation>
    </message>
    <message>
        <source>Hit rate: %1&#xa0;%. The ball followed your imagination.</source>
        <translation>命中率：%1&#xa0;%。小球跟着你的想象走了！</translation>
    </message>
    <message>
        <source>Hit rate: %1&#xa0;%. Imagining movements takes practice: most people get better with every try.</source>
        <translation>命中率：%1&#xa0;%。运动想象需要练习：大多数人每试一次都会更好。</translation>
    </message>
    <message>
        <source>Not enough clean training</source>
        <translation>干净的训练数据不够</translation>
    </message>
    <message>
        <source>Only %1 left and %2 right trials had a clean signal. Check the headset, then train again.</source>
        <translation>只有 %1 次左手和 %2 次右手训练的信号是干净的。请检查头戴设备，然后重新训练。</translation>
    </message>
    <message>
        <source>Your brain pattern: %1&#xa0;% recognised</source>
        <translation>你的脑电模式：识别正确率 %1&#xa0;%</translation>
    </message>
    <message>
        <source>In your %1 practice tries the computer told left from right %2&#xa0;% of the time. Just guessing gets about 50&#xa0;% right, and a lucky guesser gets %3&#xa0;% only about 1 time in 20. Now steer the ball!</source>
        <translation>在你的 %1 次练习中，电脑分清左右的次数占 %2&#xa0;%。纯靠猜大约能猜对 50&#xa0;%，运气好的猜测者要猜对 %3&#xa0;%，20 次里大约只有 1 次。现在来控制小球吧！</translation>
    </message>
    <message>
        <source>The computer recognised %1&#xa0;% of your trials; to be sure it is not luck it needs %2&#xa0;% on this many. Try again, or watch a staff demo. You may still play: the ball will wander.</source>
        <translation>计算机认对了你 %1&#xa0;% 的训练；要确定不是运气，在这么多次训练中需要达到 %2&#xa0;%。再试一次，或请工作人员演示。你仍然可以玩：小球会随意游走。</translation>
    </message>
    <message>
        <source>Your brain pattern was not clear enough yet</source>
        <translation>你的脑电模式还不够清晰</translation>
    </message>
    <message>
        <source>The mu rhythm is a calm brain wave (8-13 times a second) over the part of the brain that moves your hands. Imagining a hand movement quiets it on the opposite side of the brain: the right brain runs the left hand. These lines are your own mu rhythm during the training; the computer learned to tell the two patterns apart.</source>
        <translation>μ 节律是大脑中控制双手的区域里一种平静的脑波（每秒 8–13 次）。想象一只手在动时，大脑对侧的 μ 节律会减弱：左手由右脑控制。这些曲线就是训练时你自己的 μ 节律；计算机学会了区分这两种模式。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>开始游戏</translation>
    </message>
    <message>
        <source>Move a ball with your mind</source>
        <translation>用意念推动小球</translation>
    </message>
    <message>
        <source>First, %1 minutes of training. When an arrow points left, imagine squeezing your left hand, without moving it; when it points right, your right hand. Sit still and relax your face. Then the ball is yours to steer.</source>
        <translation>先进行约 %1 分钟的训练。箭头指向左边时，想象握紧你的左手，但手不要真的动；指向右边时，想象握紧右手。请坐稳，放松面部。之后小球就由你来控制了。</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Your motor cortex (down = busy)</source>
        <translation>你的运动皮层（向下 = 活跃）</translation>
    </message>
    <message>
        <source>mu and beta: two kinds of brain waves over the part of the brain that moves your hands. They get weaker when that part is busy.</source>
        <translation>μ 波和 β 波：大脑中控制双手的区域里的两种脑波。这个区域忙起来时，它们就会变弱。</translation>
    </message>
    <message>
        <source>left brain</source>
        <translation>左脑</translation>
    </message>
    <message>
        <source>right brain</source>
        <translation>右脑</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>μ</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>β</translation>
    </message>
    <message>
        <source>You imagined your LEFT hand</source>
        <translation>你想象的是左手</translation>
    </message>
    <message>
        <source>You imagined your RIGHT hand</source>
        <translation>你想象的是右手</translation>
    </message>
    <message>
        <source>left side of your brain (sensor C3)</source>
        <translation>大脑左侧（传感器 C3）</translation>
    </message>
    <message>
        <source>right side of your brain (sensor C4)</source>
        <translation>大脑右侧（传感器 C4）</translation>
    </message>
    <message>
        <source>seconds after the arrow</source>
        <translation>箭头出现后的秒数</translation>
    </message>
    <message>
        <source>mu power vs rest (%)</source>
        <translation>μ 节律功率相对静息的变化（%）</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Wrong PIN.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>密码错误次数过多，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>工作人员密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>A staff PIN is %1 to %2 digits.</source>
        <translation>工作人员密码为 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <source>Too easy to guess: no runs like 123456 and no digit or group repeated.</source>
        <translation>太容易猜到：不能是 123456 这样的连续数字，也不能重复同一个数字或同一组数字。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>密码错误次数过多，请 %1 分钟后再试。</translation>
    </message>
    <message>
        <source>Type the new staff PIN again</source>
        <translation>再输入一次新的工作人员密码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose a new staff PIN</source>
        <translation>设置新的工作人员密码</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Staff: the factory PIN does not open this kiosk. Choose your own, %1 to %2 digits.</source>
        <translation>工作人员：出厂密码无法解锁本展台。请设置你们自己的密码，%1 到 %2 位数字。</translation>
    </message>
    <message>
        <source>Staff: your PIN is too short or easy to guess. Choose a new one, %1 to %2 digits.</source>
        <translation>工作人员：你们的密码太短或太容易猜到。请设置新密码，%1 到 %2 位数字。</translation>
    </message>
    <message>
        <source>The two PINs differ: choose the new PIN again.</source>
        <translation>两次输入的密码不一致，请重新设置新密码。</translation>
    </message>
    <message>
        <source>The PIN could not be saved; see the log.</source>
        <translation>密码无法保存，详见日志。</translation>
    </message>
</context>
<context>
    <name>Rehearsal</name>
    <message>
        <source>look at flickering target 1 … 9 (8 – 15.8 Hz)</source>
        <extracomment>How often the description is brought up to date (ms); a changed text is emitted, nothing else. An electrode pop shows in the description this long (s): about as long as the trace needs to settle. Flicker frequencies of the targets behind keys 1-9 until a demo shows targets of its own. (key, what it does) in the order the help lists them.</extracomment>
        <translation>注视闪烁目标 1 … 9（8 – 15.8 Hz）</translation>
    </message>
    <message>
        <source>look away from the targets</source>
        <translation>移开视线，不看目标</translation>
    </message>
    <message>
        <source>imagine moving the left / right hand</source>
        <translation>想象移动左手 / 右手</translation>
    </message>
    <message>
        <source>stop imagining</source>
        <translation>停止想象</translation>
    </message>
    <message>
        <source>focus on / off</source>
        <translation>专注 开 / 关</translation>
    </message>
    <message>
        <source>relax with eyes closed on / off</source>
        <translation>闭眼放松 开 / 关</translation>
    </message>
    <message>
        <source>blink</source>
        <translation>眨眼</translation>
    </message>
    <message>
        <source>clench the jaw for a second</source>
        <translation>咬紧牙关一秒钟</translation>
    </message>
    <message>
        <source>BCI-illiterate visitor on / off</source>
        <translation>“脑机接口盲”观众 开 / 关</translation>
    </message>
    <message>
        <source>fault: flat electrode</source>
        <translation>故障：电极信号平直</translation>
    </message>
    <message>
        <source>fault: railed electrode</source>
        <translation>故障：电极饱和</translation>
    </message>
    <message>
        <source>fault: electrode pop</source>
        <translation>故障：电极跳变</translation>
    </message>
    <message>
        <source>fault: take the headset off / put it back</source>
        <translation>故障：摘下 / 戴回头戴设备</translation>
    </message>
    <message>
        <source>fault: 2 s radio gap</source>
        <translation>故障：无线中断 2 秒</translation>
    </message>
    <message>
        <source>clear all faults</source>
        <translation>清除所有故障</translation>
    </message>
    <message>
        <source>about to look at %1 Hz</source>
        <translation>即将注视 %1 Hz</translation>
    </message>
    <message>
        <source>looking at %1 Hz</source>
        <translation>注视 %1 Hz</translation>
    </message>
    <message>
        <source>imagining the left hand</source>
        <translation>想象左手</translation>
    </message>
    <message>
        <source>imagining the right hand</source>
        <translation>想象右手</translation>
    </message>
    <message>
        <source>relaxed, eyes closed</source>
        <translation>闭眼放松</translation>
    </message>
    <message>
        <source>focused</source>
        <translation>专注</translation>
    </message>
    <message>
        <source>blinking</source>
        <translation>眨眼</translation>
    </message>
    <message>
        <source>clenching the jaw</source>
        <translation>咬紧牙关</translation>
    </message>
    <message>
        <source>BCI-illiterate</source>
        <translation>脑机接口盲</translation>
    </message>
    <message>
        <source>headset off</source>
        <translation>头戴设备已摘下</translation>
    </message>
    <message>
        <source>electrode fault</source>
        <translation>电极故障</translation>
    </message>
    <message>
        <source>electrode pop</source>
        <translation>电极跳动</translation>
    </message>
    <message>
        <source>radio gap</source>
        <translation>无线信号中断</translation>
    </message>
    <message>
        <source>Virtual visitor: %1</source>
        <translation>虚拟观众：%1</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>静息</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>back of the head (occipital)</source>
        <extracomment>How a role reads to staff and visitors (&quot;needs an electrode over the ...&quot;).</extracomment>
        <translation>后脑（枕区）</translation>
    </message>
    <message>
        <source>top-back of the head (parietal)</source>
        <translation>头顶后部（顶区）</translation>
    </message>
    <message>
        <source>left motor area (C3)</source>
        <translation>左侧运动区 (C3)</translation>
    </message>
    <message>
        <source>right motor area (C4)</source>
        <translation>右侧运动区 (C4)</translation>
    </message>
    <message>
        <source>top of the head (Cz)</source>
        <translation>头顶 (Cz)</translation>
    </message>
    <message>
        <source>forehead (frontal)</source>
        <translation>前额（额区）</translation>
    </message>
    <message>
        <source>temples (temporal)</source>
        <translation>太阳穴（颞区）</translation>
    </message>
    <message>
        <source>ears (reference)</source>
        <translation>耳部（参考）</translation>
    </message>
</context>
<context>
    <name>SignalCheck</name>
    <message>
        <source>Signal looks good</source>
        <extracomment>How often the page judges the stream again (ms). The check must pass this long without a break before the demo starts by itself (s). Traffic-light colours, and the grey of a channel with nothing to judge yet. How much of its light&apos;s colour a channel the demo does not need shows (on white): seen, but not what decides. Text on each dot: white where it reads, dark ink on amber.</extracomment>
        <translation>信号良好</translation>
    </message>
    <message>
        <source>Almost there: staff are adjusting the headset</source>
        <translation>马上就好：工作人员正在调整头戴设备</translation>
    </message>
    <message>
        <source>Headset off</source>
        <translation>头戴设备未戴上</translation>
    </message>
    <message>
        <source>No signal</source>
        <translation>没有信号</translation>
    </message>
    <message>
        <source>Checking the signal…</source>
        <translation>正在检查信号…</translation>
    </message>
    <message>
        <source>The demo starts in a moment.</source>
        <translation>演示马上开始。</translation>
    </message>
    <message>
        <source>Please sit still and relax.</source>
        <translation>请坐好别动，放轻松。</translation>
    </message>
    <message>
        <source>Staff will put the headset on for you.</source>
        <translation>工作人员会帮你戴上头戴设备。</translation>
    </message>
    <message>
        <source>Waiting for the headset…</source>
        <translation>正在等待头戴设备…</translation>
    </message>
    <message>
        <source>Put the headset on the visitor and check that it is switched on.</source>
        <extracomment>Advice for staff; %1 is a list of electrode names.</extracomment>
        <translation>请给观众戴上头戴设备，并确认设备已开机。</translation>
    </message>
    <message>
        <source>Every channel shows %1: check the reference and ground clips.</source>
        <translation>所有通道都有%1：请检查参考电极和接地夹。</translation>
    </message>
    <message>
        <source>No good signal at the back of the head (%1): move the headset back.</source>
        <translation>后脑没有好信号（%1）：请把头戴设备往后移。</translation>
    </message>
    <message>
        <source>Samples are being lost: bring the receiver closer to the headset.</source>
        <translation>数据正在丢失：请把接收器移近头戴设备。</translation>
    </message>
    <message>
        <source>Movement: ask the visitor to hold still.</source>
        <translation>有身体移动：请观众保持不动。</translation>
    </message>
    <message>
        <source>Muscle noise on %1: ask the visitor to relax their jaw.</source>
        <translation>%1 有肌肉干扰：请观众放松下巴。</translation>
    </message>
    <message>
        <source>Bad values from %1: reconnect the headset.</source>
        <translation>%1 数值异常：请重新连接头戴设备。</translation>
    </message>
    <message>
        <source>No signal from %1: check its wire and plug.</source>
        <translation>%1 没有信号：请检查导线和插头。</translation>
    </message>
    <message>
        <source>Press %1 closer to the scalp.</source>
        <translation>请把 %1 压紧头皮。</translation>
    </message>
    <message>
        <source>Wet %1 with gel or saline.</source>
        <translation>请给 %1 加导电膏或盐水。</translation>
    </message>
    <message>
        <source>mains hum</source>
        <extracomment>What every channel shares, in CHECK_REFERENCE&apos;s sentence.</extracomment>
        <translation>工频干扰</translation>
    </message>
    <message>
        <source>a very large signal</source>
        <translation>异常大的信号</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>基线漂移</translation>
    </message>
    <message>
        <source>almost no signal</source>
        <translation>几乎没有信号</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>需调整</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Old 10-20 names of temporal sites.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>Every electrode this demo needs is fine.</source>
        <translation>本演示需要的电极都正常。</translation>
    </message>
    <message>
        <source>Nothing arrives from the headset: is it switched on and connected?</source>
        <translation>头戴设备没有发来数据：是否已开机并连接？</translation>
    </message>
    <message>
        <source>Reading the first seconds of signal…</source>
        <translation>正在读取最初几秒的信号…</translation>
    </message>
    <message>
        <source>For staff</source>
        <translation>工作人员提示</translation>
    </message>
    <message>
        <source>Back to menu</source>
        <translation>返回菜单</translation>
    </message>
    <message>
        <source>Start anyway (staff)</source>
        <translation>仍然开始（工作人员）</translation>
    </message>
    <message>
        <source>Other channels</source>
        <translation>其他通道</translation>
    </message>
    <message>
        <source>not needed here</source>
        <translation>本演示不需要</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>SignalExplorer</name>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>flat: check the electrode</source>
        <translation>平直：请检查电极</translation>
    </message>
    <message>
        <source>saturated: check the electrode</source>
        <translation>饱和：请检查电极</translation>
    </message>
    <message>
        <source>jump: movement or loose electrode</source>
        <translation>跳变：有动作或电极松动</translation>
    </message>
    <message>
        <source>muscle: relax jaw and face</source>
        <translation>肌电：请放松下巴和面部</translation>
    </message>
    <message>
        <source>bad values: check the headset&apos;s cable</source>
        <translation>数值异常：请检查头戴设备的线缆</translation>
    </message>
    <message>
        <source>Channel</source>
        <extracomment>One line for the whole headset when it is off, instead of a warning per channel.</extracomment>
        <translation>通道</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>RMS (µV)</source>
        <translation>均方根 (µV)</translation>
    </message>
    <message>
        <source>Mains hum (µV)</source>
        <translation>工频干扰 (µV)</translation>
    </message>
    <message>
        <source>Main rhythm (Hz)</source>
        <translation>主节律 (Hz)</translation>
    </message>
    <message>
        <source>Mark an event</source>
        <translation>标记事件</translation>
    </message>
    <message>
        <source>Headset off: put it on the visitor.</source>
        <translation>头戴设备未戴上：请给观众戴上。</translation>
    </message>
</context>
<context>
    <name>SsvepSpeller</name>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Press Start when you are ready.</source>
        <translation>准备好了就按“开始”。</translation>
    </message>
    <message>
        <source>Calibration %1 of %2: look at the key with the yellow frame while it flickers.</source>
        <translation>校准 %1 / %2：按键闪烁时，请注视带黄色边框的按键。</translation>
    </message>
    <message>
        <source>Look at the key with the yellow frame. Keep looking while the keys flicker.</source>
        <translation>请注视带黄色边框的按键，按键闪烁时保持注视。</translation>
    </message>
    <message>
        <source>Look at the key you want. Keep looking while the keys flicker.</source>
        <translation>请注视你想选的按键，按键闪烁时保持注视。</translation>
    </message>
    <message>
        <source>This screen refreshes too slowly for these keys.</source>
        <translation>这块屏幕的刷新率太低，无法显示这些按键的闪烁。</translation>
    </message>
    <message>
        <source>Got it!</source>
        <translation>选中了！</translation>
    </message>
    <message>
        <source>Oops, not that one. On to the next.</source>
        <translation>哎呀，不是这个。继续下一个。</translation>
    </message>
    <message>
        <source>I&apos;m not sure which key you looked at. Let&apos;s try again.</source>
        <translation>我不确定你看的是哪个键，我们再试一次。</translation>
    </message>
    <message>
        <source>I could not tell which key you looked at a few times in a row. That happens! Rest your eyes for a moment, then press Continue and look steadily at the middle of one key.</source>
        <translation>连续几次我都没分清你在看哪个键。这很正常！先让眼睛休息一下，然后点击“继续”，稳稳地盯住一个键的中间。</translation>
    </message>
    <message>
        <source>The signal dropped out for a moment. Let&apos;s try that again.</source>
        <translation>信号中断了一下。我们再试一次。</translation>
    </message>
    <message>
        <source>Stopped. Press Continue when you are ready.</source>
        <translation>已停止。准备好了就按“继续”。</translation>
    </message>
    <message>
        <source>No signal from the headset. A member of staff will check it.</source>
        <translation>头戴设备没有信号，工作人员会来检查。</translation>
    </message>
    <message>
        <source>Well done!</source>
        <translation>做得好！</translation>
    </message>
    <message>
        <source>Done! You spelled %1 in %2 seconds with your eyes and brain only. %3 of %4 choices were right (%5&#xa0;%). That is about %7 choices a minute: as much information as answering %6 yes-or-no questions a minute.</source>
        <translation>完成！你只用眼睛和大脑，在 %2 秒内拼出了 %1。%4 次选择中 %3 次正确（%5&#xa0;%）。相当于每分钟约 %7 次选择：传出的信息和每分钟回答 %6 个“是或不是”问题一样多。</translation>
    </message>
    <message>
        <source>Display %1 Hz (%2)</source>
        <translation>显示器 %1 Hz（%2）</translation>
    </message>
    <message>
        <source>vsync</source>
        <translation>垂直同步</translation>
    </message>
    <message>
        <source>timer-paced, no vsync</source>
        <translation>定时器节拍，无垂直同步</translation>
    </message>
    <message>
        <source>dropped frames %1 this trial, %2 this run</source>
        <translation>丢帧：本次 %1，本轮 %2</translation>
    </message>
    <message>
        <source>last decision after %1 s, confidence %2</source>
        <translation>上次判定用时 %1 秒，置信度 %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1，通道：%2</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Spelled %1 with your eyes: %2 of %3 choices right</source>
        <translation>用眼睛拼出了 %1：%3 次选择中对了 %2 次</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Free spelling</source>
        <translation>自由拼写</translation>
    </message>
    <message>
        <source>Copy: %1 (%2)</source>
        <translation>照着拼：%1（%2）</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>照着拼：%1</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Reduced contrast</source>
        <translation>降低对比度</translation>
    </message>
    <message>
        <source>Calibrated mode (TRCA)</source>
        <translation>校准模式（TRCA）</translation>
    </message>
</context>
<context>
    <name>StaffConsole</name>
    <message>
        <source>Serial port</source>
        <extracomment>How often the headset&apos;s state is read while the console is on screen (ms). The profile box&apos;s last item: choose a .toml file. The parameters the headset page edits, in the order shown.</extracomment>
        <translation>串口</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Playback file</source>
        <translation>回放文件</translation>
    </message>
    <message>
        <source>%1 (could not be loaded)</source>
        <translation>%1（无法加载）</translation>
    </message>
    <message>
        <source>Fill in this field first: %1.</source>
        <translation>请先填写：%1。</translation>
    </message>
    <message>
        <source>The playback file %1 is missing, empty or not a recording of this board.</source>
        <translation>回放文件 %1 不存在、为空，或不是这台设备录制的文件。</translation>
    </message>
    <message>
        <source>This value is not valid: %1.</source>
        <translation>此项的值无效：%1。</translation>
    </message>
    <message>
        <source>This version of BrainFlow cannot drive this headset.</source>
        <translation>当前版本的 BrainFlow 无法驱动这款头戴设备。</translation>
    </message>
    <message>
        <source>This profile file cannot be used: see the log for what is wrong in %1.</source>
        <translation>此配置文件无法使用：%1 有误，详见日志。</translation>
    </message>
    <message>
        <source>These headset settings cannot be used (%1); see the log.</source>
        <translation>这些头戴设备设置无法使用（%1），详见日志。</translation>
    </message>
    <message>
        <source>Profile file (.toml)…</source>
        <extracomment>The last Apply&apos;s or file choice&apos;s outcome: its label&apos;s object name, and its text (re-read on a language change).</extracomment>
        <translation>配置文件（.toml）…</translation>
    </message>
    <message>
        <source>Bluetooth: leave the %1 empty and BrainFlow finds the headset by itself (the first one it sees). Fill it in when several headsets are near.</source>
        <translation>蓝牙：%1 可以留空，BrainFlow 会自动查找头戴设备（连接最先找到的一台）。附近有多台设备时请填写。</translation>
    </message>
    <message>
        <source>Bluetooth: pair the headset with this computer first, then enter its MAC address (BrainFlow cannot search for this one).</source>
        <translation>蓝牙：请先将头戴设备与本机配对，再填写它的 MAC 地址（BrainFlow 无法自动搜索这款设备）。</translation>
    </message>
    <message>
        <source>Choose a board profile</source>
        <translation>选择设备配置文件</translation>
    </message>
    <message>
        <source>Choose a BrainFlow recording</source>
        <translation>选择 BrainFlow 录制文件</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>已找到：%1</translation>
    </message>
    <message>
        <source>No serial port found: plug in the dongle, then touch Refresh.</source>
        <translation>未找到串口：请插入接收器，然后点“刷新”。</translation>
    </message>
    <message>
        <source>These headset settings cannot be used; see the log.</source>
        <translation>这些头戴设备设置无法使用，详见日志。</translation>
    </message>
    <message>
        <source>The headset could not be started; see the log.</source>
        <translation>头戴设备无法启动，详见日志。</translation>
    </message>
    <message>
        <source>Applied: %1. It is also used at the next start.</source>
        <translation>已应用：%1。下次启动时也会使用。</translation>
    </message>
    <message>
        <source>That did not work; see the log.</source>
        <translation>操作未成功，详见日志。</translation>
    </message>
    <message>
        <source>Running on: %1</source>
        <translation>当前设备：%1</translation>
    </message>
    <message>
        <source>%1 samples per second</source>
        <translation>每秒 %1 个采样</translation>
    </message>
    <message>
        <source>Headset now</source>
        <translation>当前头戴设备</translation>
    </message>
    <message>
        <source>Choose the headset</source>
        <translation>选择头戴设备</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Board profile</source>
        <translation>设备配置</translation>
    </message>
    <message>
        <source>e.g. COM3 or /dev/ttyUSB0</source>
        <translation>例如 COM3 或 /dev/ttyUSB0</translation>
    </message>
    <message>
        <source>e.g. MuseS-1234 (optional)</source>
        <translation>例如 MuseS-1234（可选）</translation>
    </message>
    <message>
        <source>No demo is shown: visitors would see an empty menu.</source>
        <translation>没有显示任何演示：观众将看到空白菜单。</translation>
    </message>
    <message>
        <source>Tick the demos the menu shows visitors; the arrows change their order on the menu.</source>
        <translation>勾选要在菜单中向观众显示的演示；用箭头调整它们在菜单中的顺序。</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Changes are saved at once and apply the next time a visitor opens the demo.</source>
        <extracomment>(demo id, key) -&gt; (its declaration, its editor, the demo&apos;s translation context)</extracomment>
        <translation>更改会立即保存，观众下次打开该演示时生效。</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Longest flicker (s)</source>
        <translation>最长闪烁时间（秒）</translation>
    </message>
    <message>
        <source>Flashing demos stop after this long without a break (photosensitivity).</source>
        <translation>闪烁类演示连续闪烁达到此时长后自动停止（光敏性安全）。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>The PIN could not be saved; see the log.</source>
        <translation>密码无法保存，详见日志。</translation>
    </message>
    <message>
        <source>The staff PIN is changed.</source>
        <translation>工作人员密码已更改。</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>观众</translation>
    </message>
    <message>
        <source>Language at the start</source>
        <translation>每位访客开始时的语言</translation>
    </message>
    <message>
        <source>Kiosk mode (full screen, locked) from the next start</source>
        <translation>展台模式（全屏锁定），下次启动时生效</translation>
    </message>
    <message>
        <source>Idle timeout (s)</source>
        <translation>无操作超时（秒）</translation>
    </message>
    <message>
        <source>With nobody touching the screen this long, the showroom returns to its start.</source>
        <translation>屏幕无人触摸达到此时长后，展厅回到起始画面。</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>工作人员密码</translation>
    </message>
    <message>
        <source>The factory PIN is still in use: anyone who knows it can get in, and kiosk mode asks for a new PIN before it serves visitors. Set your own.</source>
        <translation>仍在使用出厂密码，知道它的人都能进入；展台模式在接待观众之前会要求设置新密码。请设置你们自己的密码。</translation>
    </message>
    <message>
        <source>New PIN (%1–%2 digits)</source>
        <translation>新密码（%1–%2 位数字）</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>End of the day</source>
        <translation>闭馆</translation>
    </message>
    <message>
        <source>Quitting stops the headset and closes the showroom.</source>
        <translation>退出会停止头戴设备并关闭展厅程序。</translation>
    </message>
    <message>
        <source>Quit showroom</source>
        <translation>退出展厅</translation>
    </message>
    <message>
        <source>Quit now?</source>
        <translation>确定现在退出吗？</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>总时长</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>时长中位数</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The CSV&apos;s columns (app.usage.CSV_HEADER&apos;s order), translated when exported.</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <source>Completion rate (%)</source>
        <translation>完成率（%）</translation>
    </message>
    <message>
        <source>Total time (s)</source>
        <translation>总时长（秒）</translation>
    </message>
    <message>
        <source>Median time (s)</source>
        <translation>时长中位数（秒）</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>参观人次</translation>
    </message>
    <message>
        <source>%1 cannot be written (a read-only folder, or the file is open in another program). Choose another place.</source>
        <translation>无法写入 %1（文件夹只读，或文件正被其他程序打开）。请换个位置。</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>Export usage statistics</source>
        <translation>导出使用统计</translation>
    </message>
    <message>
        <source>Visits: %1</source>
        <translation>参观人次：%1</translation>
    </message>
    <message>
        <source>No demo was opened on this day.</source>
        <translation>这一天没有打开过任何演示。</translation>
    </message>
    <message>
        <source>Usage statistics cannot be saved in %1 just now: %2 changes wait, are counted here, and are saved as soon as the file can be written.</source>
        <translation>使用统计暂时无法保存到 %1：%2 条更改正在等待，已计入这里的统计，文件可写时会立即保存。</translation>
    </message>
    <message>
        <source>The usage file was damaged: it was kept as %1 and a new one started.</source>
        <translation>使用统计文件已损坏：已另存为 %1，并新建了一个文件。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Staff console</source>
        <extracomment>What the shell wants staff to know (a damaged settings file was reset), until they quit.</extracomment>
        <translation>工作人员控制台</translation>
    </message>
    <message>
        <source>Back to visitors</source>
        <translation>返回观众界面</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>头戴设备</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Demos</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Showroom</source>
        <translation>展厅</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用统计</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>数据正常</translation>
    </message>
    <message>
        <source>stalled: no data</source>
        <translation>停滞：没有数据</translation>
    </message>
    <message>
        <source>disconnected, retrying</source>
        <translation>已断开，正在重试</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cannot open the serial port %1: is the dongle plugged in and free?</source>
        <extracomment>What staff read in the status bar while the board fails, by kind (see drivers.boards.errors); %1 is the port, file or board name.</extracomment>
        <translation>无法打开串口 %1：接收器插好了吗？是否被其他程序占用？</translation>
    </message>
    <message>
        <source>Cannot play %1: the file is missing, empty or not from this board.</source>
        <translation>无法回放 %1：文件不存在、为空，或不是此设备录制的。</translation>
    </message>
    <message>
        <source>%1 does not answer: is it switched on and in range?</source>
        <translation>%1 没有响应：是否已开机并在信号范围内？</translation>
    </message>
    <message>
        <source>%1 is connected but sends no data.</source>
        <translation>%1 已连接，但没有发送数据。</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 响应超时。</translation>
    </message>
    <message>
        <source>This version of BrainFlow cannot drive %1.</source>
        <translation>当前版本的 BrainFlow 无法驱动 %1。</translation>
    </message>
    <message>
        <source>The board settings are wrong (%1); see the log.</source>
        <translation>设备设置有误（%1），请查看日志。</translation>
    </message>
    <message>
        <source>%1 failed; see the log.</source>
        <translation>%1 出错，请查看日志。</translation>
    </message>
    <message>
        <source>Player 1:</source>
        <extracomment>Who wears which headset, when two do (the duel): leads each headset&apos;s status.</extracomment>
        <translation>玩家 1：</translation>
    </message>
    <message>
        <source>Player 2:</source>
        <translation>玩家 2：</translation>
    </message>
    <message>
        <source>Board: %1</source>
        <extracomment>Lost markers and values that arrived as NaN: shown (in red) only once there are any.</extracomment>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Sampling rate: %1 / %2 Hz</source>
        <translation>采样率：%1 / %2 Hz</translation>
    </message>
    <message>
        <source>Lost samples: %1</source>
        <translation>丢失样本：%1</translation>
    </message>
    <message>
        <source>Lost markers: %1</source>
        <translation>丢失标记：%1</translation>
    </message>
    <message>
        <source>Invalid values replaced: %1</source>
        <translation>已替换的无效数值：%1</translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <source>Back to the start in %1 s. Touch the screen to go now.</source>
        <translation>%1 秒后回到开始画面，触摸屏幕可立即返回。</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢参与！</translation>
    </message>
    <message>
        <source>Here is what you did today:</source>
        <translation>你今天的体验成果：</translation>
    </message>
    <message>
        <source>Thank you for visiting. We hope you enjoyed seeing your brain at work!</source>
        <translation>感谢你的到来，希望你喜欢看大脑工作的样子！</translation>
    </message>
</context>
<context>
    <name>demos</name>
    <message>
        <source>Signal explorer</source>
        <translation>脑电信号探索</translation>
    </message>
    <message>
        <source>See your brain waves live: every channel, their rhythms and the power in each band.</source>
        <translation>实时观看你的脑电波：每个通道的波形、节律以及各频段的能量。</translation>
    </message>
    <message>
        <source>Mind speller</source>
        <translation>意念拼写</translation>
    </message>
    <message>
        <source>Type with your eyes and brain: look at a flickering letter and it appears on screen.</source>
        <translation>用眼睛和大脑打字：注视闪烁的字母，它就会出现在屏幕上。</translation>
    </message>
    <message>
        <source>Keyboard shown first</source>
        <translation>首先显示的键盘</translation>
    </message>
    <message>
        <source>Keyboard (40 keys)</source>
        <translation>键盘（40 键）</translation>
    </message>
    <message>
        <source>Phrase board (6 keys)</source>
        <translation>短语板（6 键）</translation>
    </message>
    <message>
        <source>Calibrate first (more accurate, takes longer)</source>
        <translation>先校准（更准确，但耗时更长）</translation>
    </message>
    <message>
        <source>Calibration: times each key is shown</source>
        <translation>校准：每个键出现的次数</translation>
    </message>
    <message>
        <source>Calibration: flicker per key (s)</source>
        <translation>校准：每个键的闪烁时长（秒）</translation>
    </message>
    <message>
        <source>Time to find the next key (s)</source>
        <translation>寻找下一个键的时间（秒）</translation>
    </message>
    <message>
        <source>Time the chosen key stays marked (s)</source>
        <translation>选中键的标记时长（秒）</translation>
    </message>
    <message>
        <source>Unsure answers in a row before a pause</source>
        <translation>连续几次无法判断后暂停</translation>
    </message>
    <message>
        <source>Softer flicker (lower contrast)</source>
        <translation>柔和闪烁（降低对比度）</translation>
    </message>
    <message>
        <source>Mind ball</source>
        <translation>意念推球</translation>
    </message>
    <message>
        <source>Imagine squeezing your left or right hand, and a ball rolls that way: a 3-minute training, then a game.</source>
        <translation>想象握紧左手或右手，小球就会向那边滚动：先训练 3 分钟，再来玩游戏。</translation>
    </message>
    <message>
        <source>Training trials per hand</source>
        <translation>每只手的训练次数</translation>
    </message>
    <message>
        <source>Imagining time per trial (s)</source>
        <translation>每次想象的时长（秒）</translation>
    </message>
    <message>
        <source>Targets in the game</source>
        <translation>游戏目标数</translation>
    </message>
    <message>
        <source>Decoder window (s)</source>
        <translation>解码窗口（秒）</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Tangent space + logistic regression</source>
        <translation>切空间 + 逻辑回归</translation>
    </message>
    <message>
        <source>CSP + LDA</source>
        <translation>CSP + LDA</translation>
    </message>
    <message>
        <source>Riemannian minimum distance (MDM)</source>
        <translation>黎曼最小距离（MDM）</translation>
    </message>
    <message>
        <source>Focus rocket</source>
        <translation>意念火箭</translation>
    </message>
    <message>
        <source>Concentrate to launch a rocket, or relax to lift a balloon; with two headsets, a duel. A short rest to learn your brain, then a round of play.</source>
        <translation>集中注意让火箭升空，或放松让气球上升；有两个头戴设备时还能双人对战。先短暂休息让游戏认识你的大脑，再开始游戏。</translation>
    </message>
    <message>
        <source>Round length (s)</source>
        <translation>每局时长（秒）</translation>
    </message>
    <message>
        <source>Rest before the round: eyes open, then closed, each (s)</source>
        <translation>开局前静息：睁眼、闭眼各多久（秒）</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Nicknames on today&apos;s best are wiped</source>
        <translation>“今日最佳”上的昵称删除时间</translation>
    </message>
    <message>
        <source>At the end of the day</source>
        <translation>当天结束时</translation>
    </message>
    <message>
        <source>One hour after they are typed</source>
        <translation>输入一小时后</translation>
    </message>
    <message>
        <source>When the visitor leaves the game</source>
        <translation>观众离开游戏时</translation>
    </message>
</context>
</TS>
