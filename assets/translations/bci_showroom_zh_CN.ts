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
        <source>Now close your eyes and relax for %1 seconds, then open them.</source>
        <translation>现在请闭上眼睛放松 %1 秒，然后睁开。</translation>
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
        <source>Concentrate: count backwards from 100 in sevens, and the rocket climbs.</source>
        <translation>集中注意：从 100 开始每次减 7 倒数，火箭就会上升。</translation>
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
        <source>Sound: no sound output on this computer</source>
        <translation>声音：这台电脑没有声音输出</translation>
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
        <extracomment>What staff should know about the board (a damaged file, no disk), on the staff line.</extracomment>
        <translation>已保存：今日第 %1 名！</translation>
    </message>
    <message>
        <source>Player %1: %2</source>
        <translation>玩家 %1：%2</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>还剩 %1 秒</translation>
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
        <source>Player 1</source>
        <translation>玩家 1</translation>
    </message>
    <message>
        <source>Player 2</source>
        <translation>玩家 2</translation>
    </message>
</context>
<context>
    <name>DemoHost</name>
    <message>
        <source>Back to menu</source>
        <extracomment>Every way a visitor can touch the kiosk: while a flicker runs, each one stops it. After the shell stops a demo, its page&apos;s buttons wait this long: the second tap of a double tap (or a startled one) must not press Continue, which appears where the visitor just touched.</extracomment>
        <translation>返回菜单</translation>
    </message>
    <message>
        <source>Flashing lights</source>
        <translation>闪光提示</translation>
    </message>
    <message>
        <source>This game uses flickering lights.

A very small number of people can have a seizure when they see flashing lights. If you or anyone in your family has epilepsy or has ever had a seizure, please do not play, and tell a member of staff.

Touch the screen or press any key at any time to stop the flicker.</source>
        <translation>这个游戏使用闪烁的灯光。

极少数人看到闪光时可能会癫痫发作。如果你或家人患有癫痫，或曾经发作过，请不要参加，并告诉工作人员。

任何时候触摸屏幕或按任意键，闪烁都会立即停止。</translation>
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
        <translation>需要在%1放置电极。</translation>
    </message>
    <message>
        <source>Needs %1 channels; this headset has %2.</source>
        <translation>需要 %1 个通道，当前头戴设备只有 %2 个。</translation>
    </message>
    <message>
        <source>This demo could not be loaded.</source>
        <translation>此演示无法加载。</translation>
    </message>
    <message>
        <source>Staff: see the log for details.</source>
        <translation>工作人员：详情请查看日志。</translation>
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
        <source>The headset is not sending data right now. A member of staff will check it.</source>
        <translation>头戴设备暂时没有发送数据，工作人员会来检查。</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>δ delta</source>
        <extracomment>Room between the traces and the axes (whose ticks reach 5 px into the plot), so repainting the traces never dirties an axis.</extracomment>
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
        <source>EEG, %1 µV between channels</source>
        <translation>脑电，通道间距 %1 µV</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connecting to the headset…</source>
        <extracomment>A flicker may last at most this long (s): above the decoders&apos; longest window (4 s), below eye strain. The second headset&apos;s status (None without one).</extracomment>
        <translation>正在连接头戴设备…</translation>
    </message>
    <message>
        <source>There is no demo called %1.</source>
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
        <source>&amp;Rehearsal keys (virtual visitor)</source>
        <translation>排练快捷键（虚拟观众）(&amp;R)</translation>
    </message>
    <message>
        <source>The second headset (setting duel/board) cannot be used: %1. Starting with one headset.</source>
        <extracomment>The setting that names the second headset&apos;s board (a profile name or a .toml path; empty: none). The second person on the virtual visitor: another seed, and a weaker focus than the first&apos;s 0.9, so a duel between the two has a winner. The second headset&apos;s acquisition when staff configured one (the duel), else None.</extracomment>
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
        <source>Imagining a hand movement quiets the 8-13 Hz mu rhythm over the opposite side of the brain: the right brain runs the left hand. These lines are your own mu rhythm during the training; the computer learned to tell the two patterns apart.</source>
        <translation>想象一只手在动时，大脑对侧 8–13 Hz 的 μ 节律会减弱：左手由右脑控制。这些曲线就是训练时你自己的 μ 节律；计算机学会了区分这两种模式。</translation>
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
        <source>%1 of %2 goals</source>
        <translation>%2 个目标进了 %1 个</translation>
    </message>
    <message>
        <source>Hit rate: %1 %. The ball followed your imagination.</source>
        <translation>命中率：%1 %。小球跟着你的想象走了！</translation>
    </message>
    <message>
        <source>Hit rate: %1 %. Imagining movements takes practice: most people get better with every try.</source>
        <translation>命中率：%1 %。运动想象需要练习：大多数人每试一次都会更好。</translation>
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
        <source>Your brain pattern: %1 % recognised</source>
        <translation>你的脑电模式：识别正确率 %1 %</translation>
    </message>
    <message>
        <source>On your %1 training trials the computer told left from right %2 % of the time. Guessing averages 50 % and reaches %3 % less than once in 20 tries. Now steer the ball!</source>
        <translation>在你的 %1 次训练中，计算机分辨左右的正确率为 %2 %。纯靠猜测平均只有 50 %，达到 %3 % 的机会不到二十分之一。现在来控制小球吧！</translation>
    </message>
    <message>
        <source>The computer recognised %1 % of your trials; to be sure it is not luck it needs %2 % on this many. Try again, or watch a staff demo. You may still play: the ball will wander.</source>
        <translation>计算机认对了你 %1 % 的训练；要确定不是运气，在这么多次训练中需要达到 %2 %。再试一次，或请工作人员演示。你仍然可以玩：小球会随意游走。</translation>
    </message>
    <message>
        <source>Your brain pattern was not clear enough yet</source>
        <translation>你的脑电模式还不够清晰</translation>
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
        <source>left brain (C3)</source>
        <translation>左脑（C3）</translation>
    </message>
    <message>
        <source>right brain (C4)</source>
        <translation>右脑（C4）</translation>
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
    <name>Rehearsal</name>
    <message>
        <source>look at flickering target 1 … 9 (8 – 15.8 Hz)</source>
        <extracomment>Flicker frequencies of the targets behind keys 1-9 until a demo shows targets of its own. (key, what it does) in the order the help lists them.</extracomment>
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
        <source>Done! You spelled %1 in %2 seconds with your eyes and brain only. %3 of %4 choices were right (%5 %). That is %6 bits of information per minute, about %7 choices a minute.</source>
        <translation>完成！你只用眼睛和大脑，在 %2 秒内拼出了 %1。%4 次选择中 %3 次正确（%5 %）。相当于每分钟传递 %6 比特信息，约每分钟 %7 次选择。</translation>
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
        <extracomment>What staff read in the status bar while the board fails, by kind (see drivers.board_errors); %1 is the port, file or board name.</extracomment>
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
        <source>Mind ball</source>
        <translation>意念推球</translation>
    </message>
    <message>
        <source>Imagine squeezing your left or right hand, and a ball rolls that way: a 3-minute training, then a game.</source>
        <translation>想象握紧左手或右手，小球就会向那边滚动：先训练 3 分钟，再来玩游戏。</translation>
    </message>
    <message>
        <source>Focus rocket</source>
        <translation>意念火箭</translation>
    </message>
    <message>
        <source>Concentrate to launch a rocket, or relax to lift a balloon; with two headsets, a duel. A short rest to learn your brain, then a round of play.</source>
        <translation>集中注意让火箭升空，或放松让气球上升；有两个头戴设备时还能双人对战。先短暂休息让游戏认识你的大脑，再开始游戏。</translation>
    </message>
</context>
</TS>
