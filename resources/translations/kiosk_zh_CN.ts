<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Resident self-service kiosk</source>
        <translation>居民自助服务终端</translation>
    </message>
    <message>
        <source>See your household&apos;s file, every payment made to you and the official who helps you. Print a record. Report a problem.</source>
        <translation>在这里，您可以：查看本户档案、每一笔补贴、帮扶干部；打印记录；反映问题。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Begin using the kiosk</source>
        <translation>开始使用自助终端</translation>
    </message>
    <message>
        <source>Touch the big button with your finger to begin</source>
        <translation>请用手指点一下“开始”</translation>
    </message>
    <message>
        <source>中文</source>
        <comment>name of the other UI language</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Policy notices</source>
        <translation>政策通知</translation>
    </message>
    <message>
        <source>Read the policy notices</source>
        <translation>查看政策通知</translation>
    </message>
    <message>
        <source>No identification needed</source>
        <translation>不用确认身份也能看</translation>
    </message>
    <message>
        <source>Check my complaint</source>
        <translation>查询我的投诉</translation>
    </message>
    <message>
        <source>Check a complaint with its tracking number and secret code</source>
        <translation>用查询编号和密码查询投诉办理情况</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Staff maintenance</source>
        <translation>工作人员维护</translation>
    </message>
    <message>
        <source>Street office service hall</source>
        <translation>街道便民服务大厅</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy   HH:mm</source>
        <translation>yyyy年M月d日 dddd   HH:mm</translation>
    </message>
</context>
<context>
    <name>BulletinItem</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>Line height of a notice&apos;s text, in percent: the elderly-friendly guideline asks for 1.3 at least. Height below which the notices found are not shown above the search keyboard.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
</context>
<context>
    <name>BulletinsScreen</name>
    <message>
        <source>Policy notices</source>
        <translation>政策通知</translation>
    </message>
    <message>
        <source>Search by words</source>
        <translation>按字词查找</translation>
    </message>
    <message>
        <source>Search the notices by words</source>
        <translation>按字词查找通知</translation>
    </message>
    <message>
        <source>Show all notices</source>
        <translation>显示全部通知</translation>
    </message>
    <message>
        <source>◀ All notices</source>
        <translation>◀ 全部通知</translation>
    </message>
    <message>
        <source>Back to the list of notices</source>
        <translation>返回通知列表</translation>
    </message>
    <message>
        <source>No notice contains &quot;%1&quot;.</source>
        <translation>没有含“%1”的通知。</translation>
    </message>
    <message>
        <source>Notices containing &quot;%1&quot;: %2</source>
        <translation>含“%1”的通知：%2条</translation>
    </message>
    <message>
        <source>%1 notices</source>
        <translation>共%1条通知</translation>
    </message>
    <message>
        <source>1 notice</source>
        <translation>共1条通知</translation>
    </message>
    <message>
        <source>The notices are narrowed as you type.</source>
        <translation>边输入边筛选通知。</translation>
    </message>
    <message>
        <source>Touch &quot;Show all notices&quot; to see every notice again.</source>
        <translation>点“显示全部通知”可重新看到全部通知。</translation>
    </message>
    <message>
        <source>There are no notices at the moment.</source>
        <translation>目前没有通知。</translation>
    </message>
</context>
<context>
    <name>CadreScreen</name>
    <message>
        <source>Who helps your household</source>
        <translation>谁在帮扶您家</translation>
    </message>
    <message>
        <source>The official responsible for helping your household is %1, %2. %3. %4.</source>
        <translation>负责帮扶您家的干部是%1，%2。%3。%4。</translation>
    </message>
</context>
<context>
    <name>CategoryStep</name>
    <message>
        <source>What is your complaint about?</source>
        <translation>您要反映什么问题？</translation>
    </message>
    <message>
        <source>Touch the one that fits best. You can say more later.</source>
        <translation>请点最接近的一项，后面还可以补充说明。</translation>
    </message>
</context>
<context>
    <name>CheckComplaintScreen</name>
    <message>
        <source>Check my complaint</source>
        <translation>查询我的投诉</translation>
    </message>
    <message>
        <source>Type the tracking number of your complaint.</source>
        <translation>请输入投诉的受理编号。</translation>
    </message>
    <message>
        <source>It has %1 digits. You wrote it down when you filed it.</source>
        <translation>一共 %1 位数字，是您投诉时抄下来的。</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next: the secret code</source>
        <translation>下一步：输入查询码</translation>
    </message>
    <message>
        <source>Now type the secret code.</source>
        <translation>再输入查询码。</translation>
    </message>
    <message>
        <source>It has %1 digits and was given with the tracking number. It shows as dots.</source>
        <translation>一共 %1 位数字，和受理编号一起给您的。输入时只显示圆点。</translation>
    </message>
    <message>
        <source>Secret code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <source>Secret code, hidden</source>
        <translation>查询码（已隐藏）</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Check the complaint</source>
        <translation>查询投诉</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Finished: leave this page</source>
        <translation>完成，离开这一页</translation>
    </message>
    <message>
        <source>Check another</source>
        <translation>再查一件</translation>
    </message>
    <message>
        <source>Check another complaint</source>
        <translation>查询另一件投诉</translation>
    </message>
    <message>
        <source>This number is not right: a digit is mistyped. Check it, touch Delete and type again.</source>
        <translation>这个编号不对，有一位输错了。请核对后按“删除”重新输入。</translation>
    </message>
    <message>
        <source>This terminal cannot check complaints. Please ask staff at the service desk.</source>
        <translation>这台机器查不了投诉，请找服务台的工作人员。</translation>
    </message>
    <message>
        <source>The complaint cannot be checked now. Please try again later.</source>
        <translation>现在查不了，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>ComplaintScreen</name>
    <message>
        <source>Make a complaint</source>
        <extracomment>Which step shows a refusal of each draft field; any other field is shown on the review. The complaint just filed, while its numbers are on show (for its receipt).</extracomment>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Your receipt</source>
        <translation>您的回执</translation>
    </message>
    <message>
        <source>Touch Try again, or go Back and write both numbers down instead.</source>
        <translation>请点“再试一次”，或点“返回”把两个号码抄下来。</translation>
    </message>
    <message>
        <source>The complaint could not be saved. Touch Send again; if that fails too, please ask staff for help.</source>
        <translation>投诉没能保存。请再按一次“发送”；如果还不行，请找工作人员帮忙。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>You said you received nothing of the %1 recorded.</source>
        <translation>记录是 %1，您说一分也没收到。</translation>
    </message>
    <message>
        <source>You said you received %1 of the %2 recorded.</source>
        <translation>记录是 %2，您说只收到了 %1。</translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message>
        <source>Money for me was held back or used for something else</source>
        <translation>我的钱被扣了或被挪作他用</translation>
    </message>
    <message>
        <source>Withholding or misusing poverty-alleviation funds</source>
        <translation>截留挪用扶贫资金</translation>
    </message>
    <message>
        <source>Someone took money in another&apos;s name, or twice</source>
        <translation>有人冒名领钱或重复领钱</translation>
    </message>
    <message>
        <source>False or duplicate claims</source>
        <translation>虚报冒领、重复领取</translation>
    </message>
    <message>
        <source>An official favours relatives and friends</source>
        <translation>干部照顾自己的亲戚朋友</translation>
    </message>
    <message>
        <source>Favouritism toward relatives and friends</source>
        <translation>优亲厚友</translation>
    </message>
    <message>
        <source>The wrong families are on the poverty list</source>
        <translation>该评的没评上，不该评的评上了</translation>
    </message>
    <message>
        <source>Inaccurate identification of poor households</source>
        <translation>识别不精准</translation>
    </message>
    <message>
        <source>Someone asked for gifts or money to get things done</source>
        <translation>办事要送礼、要好处</translation>
    </message>
    <message>
        <source>Taking, demanding or obstructing</source>
        <translation>吃拿卡要</translation>
    </message>
    <message>
        <source>The official who should help my family does not</source>
        <translation>帮扶干部不管我家</translation>
    </message>
    <message>
        <source>Responsible cadre not doing their duty</source>
        <translation>帮扶干部不作为</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>其他问题</translation>
    </message>
    <message>
        <source>Other problems</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Received by the inspectors</source>
        <translation>纪检监察机关已收到</translation>
    </message>
    <message>
        <source>Given to an inspector</source>
        <translation>已交给办理人员</translation>
    </message>
    <message>
        <source>Being looked into</source>
        <translation>正在调查核实</translation>
    </message>
    <message>
        <source>Looked into: there is an outcome</source>
        <translation>调查完毕，已有结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Your complaint was found to be right</source>
        <translation>经核实，您反映的问题属实</translation>
    </message>
    <message>
        <source>Your complaint was found to be partly right</source>
        <translation>经核实，您反映的问题部分属实</translation>
    </message>
    <message>
        <source>Your complaint was not found to be right</source>
        <translation>经核实，您反映的问题不属实</translation>
    </message>
    <message>
        <source>Your complaint was passed to another office</source>
        <translation>您的投诉已转交其他机关办理</translation>
    </message>
</context>
<context>
    <name>ConfirmEndPanel</name>
    <message>
        <source>End the session?</source>
        <translation>结束使用？</translation>
    </message>
    <message>
        <source>Your complaint has not been sent. End anyway?</source>
        <translation>您的投诉还没有发送。仍要结束吗？</translation>
    </message>
    <message>
        <source>If you end now, what you have chosen and written is deleted and nothing is sent to the inspectors.</source>
        <translation>现在结束，已选和已写的内容都会删除，不会发出。</translation>
    </message>
    <message>
        <source>Back to my complaint</source>
        <translation>回到我的投诉</translation>
    </message>
    <message>
        <source>Go back to the complaint and send it</source>
        <translation>回到投诉，把它发出去</translation>
    </message>
    <message>
        <source>End and delete it</source>
        <translation>结束并删除</translation>
    </message>
    <message>
        <source>End the session and delete the complaint</source>
        <translation>结束使用，删除这件投诉</translation>
    </message>
</context>
<context>
    <name>DisclosureWords</name>
    <message>
        <source>With my name</source>
        <translation>实名反映</translation>
    </message>
    <message>
        <source>Anonymous, about my own household</source>
        <translation>匿名反映本户的事</translation>
    </message>
    <message>
        <source>Anonymous, about something in the village</source>
        <translation>匿名反映村里的事</translation>
    </message>
    <message>
        <source>What it is about, your words and whom you name</source>
        <translation>反映的事、您说的话和您指出的人</translation>
    </message>
    <message>
        <source>Which service hall you filed it at</source>
        <translation>您在哪个便民服务大厅反映</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>The phone number you leave</source>
        <translation>您留下的电话号码</translation>
    </message>
    <message>
        <source>Your household&apos;s file number and village</source>
        <translation>本户的档案号和所在村</translation>
    </message>
    <message>
        <source>The names of your household&apos;s members</source>
        <translation>本户家庭成员的姓名</translation>
    </message>
    <message>
        <source>Your household&apos;s payment records</source>
        <translation>本户的补助发放记录</translation>
    </message>
</context>
<context>
    <name>DisputeScreen</name>
    <message>
        <source>What did you receive?</source>
        <extracomment>Why the last answer could not be stored, in the language current when called.</extracomment>
        <translation>您实际收到了多少？</translation>
    </message>
    <message>
        <source>The record says %1 was paid to you.</source>
        <translation>记录上写着发给您 %1。</translation>
    </message>
    <message>
        <source>Less than this</source>
        <translation>比这个少</translation>
    </message>
    <message>
        <source>I received less than this</source>
        <translation>我收到的比这个少</translation>
    </message>
    <message>
        <source>Nothing at all</source>
        <translation>一分没收到</translation>
    </message>
    <message>
        <source>I received nothing of this payment</source>
        <translation>这笔钱我一分没收到</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back to the payments</source>
        <translation>返回补助款列表</translation>
    </message>
    <message>
        <source>How much did you receive?</source>
        <translation>您实际收到了多少钱？</translation>
    </message>
    <message>
        <source>Type the amount in yuan on the number keys, then touch Confirm.</source>
        <translation>请用数字键输入金额（元），然后点“确认”。</translation>
    </message>
    <message>
        <source>Amount in yuan</source>
        <translation>请输入金额（元）</translation>
    </message>
    <message>
        <source>Amount you received, in yuan</source>
        <translation>您实际收到的金额（元）</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Confirm the amount</source>
        <translation>确认这个金额</translation>
    </message>
    <message>
        <source>Go back one step</source>
        <translation>返回上一步</translation>
    </message>
    <message>
        <source>I received nothing</source>
        <translation>我一分没收到</translation>
    </message>
    <message>
        <source>You are saying you received nothing of the %1 recorded. Is that right?</source>
        <translation>记录上写着 %1，您说一分没收到，对吗？</translation>
    </message>
    <message>
        <source>Yes, I received nothing</source>
        <translation>对，我一分没收到</translation>
    </message>
    <message>
        <source>✓ Recorded</source>
        <translation>✓ 已记录</translation>
    </message>
    <message>
        <source>Your answer is kept with this payment. Staff and the discipline inspectors can see it.</source>
        <translation>您的反映已和这笔款项保存在一起，工作人员和纪检监察人员都能看到。</translation>
    </message>
    <message>
        <source>Back to the payments</source>
        <translation>返回补助款列表</translation>
    </message>
    <message>
        <source>Back to the list of payments</source>
        <translation>返回补助款列表</translation>
    </message>
    <message>
        <source>Make a complaint about this</source>
        <translation>就这笔钱投诉</translation>
    </message>
    <message>
        <source>Make a complaint to the discipline inspectors about this payment</source>
        <translation>就这笔款项向纪检监察机关投诉</translation>
    </message>
    <message>
        <source>This payment already has complaint %1. Is this the same matter?</source>
        <translation>这笔款项已经有一件投诉，受理编号 %1。这次是同一件事吗？</translation>
    </message>
    <message>
        <source>It was filed on %1 and waits on this terminal to be sent.</source>
        <translation>这件投诉是%1登记的，还在这台机器上等待发送。</translation>
    </message>
    <message>
        <source>It was filed on %1 and sent to the discipline inspectors.</source>
        <translation>这件投诉是%1登记的，已经送到纪检监察机关。</translation>
    </message>
    <message>
        <source>If it is the same, you need not complain again: it is being handled.</source>
        <translation>如果是同一件事，就不用再投诉了：这件事正在办理。</translation>
    </message>
    <message>
        <source>Yes, the same matter</source>
        <translation>是，同一件事</translation>
    </message>
    <message>
        <source>Yes, it is the same matter: do not file it again</source>
        <translation>是同一件事，不再重复投诉</translation>
    </message>
    <message>
        <source>No, something else</source>
        <translation>不是，是另一件事</translation>
    </message>
    <message>
        <source>No, it is something else: make a new complaint</source>
        <translation>不是同一件事，另外投诉</translation>
    </message>
    <message>
        <source>✓ Your complaint is being handled</source>
        <translation>✓ 您的投诉正在办理</translation>
    </message>
    <message>
        <source>Complaint %1 is about this payment. Nothing new was filed.</source>
        <translation>受理编号 %1 的投诉说的就是这笔款项。这次没有重复登记。</translation>
    </message>
    <message>
        <source>To see how it stands, touch &quot;Check my complaint&quot; and type the tracking number and the secret code you wrote down when you filed it.</source>
        <translation>想知道办得怎么样，请按“查询我的投诉”，输入投诉时记下的受理编号和查询码。</translation>
    </message>
    <message>
        <source>Check my complaint</source>
        <translation>查询我的投诉</translation>
    </message>
    <message>
        <source>That is more than the %1 recorded. Enter what you really received.</source>
        <translation>这比记录的 %1 还多。请输入您实际收到的钱数。</translation>
    </message>
    <message>
        <source>You said you received nothing of the %1 recorded.</source>
        <translation>您反映：记录上的 %1，您一分没收到。</translation>
    </message>
    <message>
        <source>You said you received %1 of the %2 recorded.</source>
        <translation>您反映：记录上的 %2，您只收到 %1。</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <source>The system has run into a problem for the moment. Please wait a little, or ask a member of staff.</source>
        <translation>系统暂时出了点问题，请稍候或联系工作人员</translation>
    </message>
    <message>
        <source>You can begin again from the first screen.</source>
        <translation>您可以返回首页重新开始。</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What would you like to see?</source>
        <extracomment>Below this height (the home screen of a 1366x768 panel) the prompt gives way to the tiles.</extracomment>
        <translation>您想看什么？</translation>
    </message>
    <message>
        <source>Hello! This is the household of %1, %2.</source>
        <translation>您好！这是%2%1户。</translation>
    </message>
    <message>
        <source>Touch a picture to open it.</source>
        <translation>请点一下您想看的内容。</translation>
    </message>
    <message>
        <source>Hello! This is the household of %1, %2. Touch a picture to open it.</source>
        <translation>您好！这是%2%1户。请点一下您想看的内容。</translation>
    </message>
    <message>
        <source>Household file</source>
        <translation>我家档案</translation>
    </message>
    <message>
        <source>Every payment</source>
        <translation>每一笔钱</translation>
    </message>
    <message>
        <source>Who helps us</source>
        <translation>帮扶干部</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Village projects</source>
        <translation>村里项目</translation>
    </message>
    <message>
        <source>Policy notices</source>
        <translation>政策通知</translation>
    </message>
    <message>
        <source>File a complaint</source>
        <translation>投诉举报</translation>
    </message>
</context>
<context>
    <name>HouseholdFileView</name>
    <message>
        <source>Where your household is registered</source>
        <translation>您家的登记地址</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>File number: %1</source>
        <translation>档案编号：%1</translation>
    </message>
    <message>
        <source>Poverty status: %1</source>
        <translation>贫困状态：%1</translation>
    </message>
    <message>
        <source>Poverty index score</source>
        <translation>贫困指数得分</translation>
    </message>
    <message>
        <source>%1 points or more: stable. %2 to %3: out of poverty but at risk. Below %2: poor.</source>
        <translation>%1分及以上：稳定脱贫。%2到%3分：已脱贫，但有返贫风险。低于%2分：未脱贫。</translation>
    </message>
    <message>
        <source>How the score is made up</source>
        <translation>得分由哪几项组成</translation>
    </message>
    <message>
        <source>%1: %2 of %3 points</source>
        <translation>%1：%3分中得%2分</translation>
    </message>
    <message>
        <source>Causes of poverty</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>★ %1 (main cause)</source>
        <translation>★ %1（主要原因）</translation>
    </message>
    <message>
        <source>No cause is recorded.</source>
        <translation>没有登记致贫原因。</translation>
    </message>
    <message>
        <source>Help your household has received</source>
        <translation>您家得到的帮扶措施</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1年 · %2：%3</translation>
    </message>
    <message>
        <source>No help measure is recorded.</source>
        <translation>没有登记帮扶措施。</translation>
    </message>
    <message>
        <source>People in the household: %1</source>
        <translation>家庭成员：%1人</translation>
    </message>
    <message>
        <source>See every payment</source>
        <translation>查看每一笔补助款</translation>
    </message>
    <message>
        <source>See every payment made in your household&apos;s name</source>
        <translation>查看发放到您家名下的每一笔款项</translation>
    </message>
</context>
<context>
    <name>HouseholdScreen</name>
    <message>
        <source>Your household file</source>
        <translation>我家的档案</translation>
    </message>
    <message>
        <source>Print certificate</source>
        <translation>打印证明</translation>
    </message>
    <message>
        <source>Print statement</source>
        <translation>打印明细</translation>
    </message>
    <message>
        <source>Your household certificate</source>
        <translation>您的家庭帮扶身份证明</translation>
    </message>
    <message>
        <source>Your statement of payments</source>
        <translation>您的资金发放明细</translation>
    </message>
    <message>
        <source>Touch Try again, or ask staff at the service desk.</source>
        <translation>请点“再试一次”，或请服务台工作人员帮忙。</translation>
    </message>
    <message>
        <source>Your household file. %1. Poverty status: %2. Poverty index score %3 of 100: %4. %5 people in the household.</source>
        <translation>我家的档案。%1。贫困状态：%2。贫困指数%3分（满分100分）：%4。家庭成员%5人。</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <source>Who are you?</source>
        <translation>确认身份</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>身份证号：%1</translation>
    </message>
    <message>
        <source>The number or the name initials are not right. Please check them and try again, or ask a member of staff for help.</source>
        <translation>号码或姓名首字母不对，请核对后再试，或请工作人员帮忙。</translation>
    </message>
    <message>
        <source>Too many tries. Please try again in %1 min, or ask a member of staff for help.</source>
        <translation>尝试次数太多，请等%1分钟后再试，或请工作人员帮忙。</translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>还要等：%1</translation>
    </message>
    <message>
        <source>Step 1 of 2</source>
        <translation>第 1 步，共 2 步</translation>
    </message>
    <message>
        <source>Type the number of your ID card</source>
        <translation>请输入您的身份证号码</translation>
    </message>
    <message>
        <source>It has 18 characters; the last one may be X. Touch the keys to type.</source>
        <translation>身份证号码共18位，最后一位可能是X。请点按键输入。</translation>
    </message>
    <message>
        <source>Step 2 of 2</source>
        <translation>第 2 步，共 2 步</translation>
    </message>
    <message>
        <source>Type the initials of your name</source>
        <translation>请输入您姓名的拼音首字母</translation>
    </message>
    <message>
        <source>The initials are the first letter of the pinyin of each character.</source>
        <translation>拼音首字母就是名字里每个字拼音的第一个字母。</translation>
    </message>
    <message>
        <source>For example: %1 (Wáng Jiàn Guó) → %2</source>
        <translation>例如：%1（Wáng Jiàn Guó）→ %2</translation>
    </message>
    <message>
        <source>The number is complete. Touch &quot;Next&quot;.</source>
        <translation>号码已输完，请点“下一步”。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next: type the initials of your name</source>
        <translation>下一步：输入姓名拼音首字母</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Confirm and identify me</source>
        <translation>确认身份</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18位号码</translation>
    </message>
    <message>
        <source>ID number typed so far</source>
        <translation>已输入的身份证号码</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>拼音首字母</translation>
    </message>
    <message>
        <source>Initials typed so far</source>
        <translation>已输入的拼音首字母</translation>
    </message>
</context>
<context>
    <name>IdentityStep</name>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue to the next step</source>
        <translation>继续下一步</translation>
    </message>
    <message>
        <source>Leave a mobile number for a call back?</source>
        <translation>留一个手机号码，方便回访吗？</translation>
    </message>
    <message>
        <source>Continue to check what will be sent</source>
        <translation>继续，核对要发送的内容</translation>
    </message>
    <message>
        <source>This is not needed. A mobile number has 11 digits and starts with 1. Only the inspectors will see it.</source>
        <translation>可以不留。手机号码是 11 位，以 1 开头，只有纪检监察人员能看到。</translation>
    </message>
    <message>
        <source>✓ 11 digits. Touch Continue.</source>
        <translation>✓ 已输满 11 位，请点“继续”。</translation>
    </message>
    <message>
        <source>%1 digits are missing: a mobile number has 11. Type them, or touch Clear to leave no number.</source>
        <translation>手机号码是 11 位，还差 %1 位。请输完，或按“清空”不留电话。</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>不留电话</translation>
    </message>
    <message>
        <source>How do you want to file it?</source>
        <translation>您想怎样反映？</translation>
    </message>
    <message>
        <source>The inspectors see your name and may call you.</source>
        <translation>纪检监察人员能看到您的姓名，也可能给您打电话。</translation>
    </message>
    <message>
        <source>Not on this screen: your name is not known here.</source>
        <translation>这里不能实名：本页面不知道您的姓名。</translation>
    </message>
    <message>
        <source>They see your household&apos;s file and payments, never who filed it.</source>
        <translation>他们能看到本户档案和补助记录，但不知道是谁反映的。</translation>
    </message>
    <message>
        <source>Nothing about you or your household goes with it.</source>
        <translation>不附任何关于您和您家的信息。</translation>
    </message>
    <message>
        <source>Your mobile phone number</source>
        <translation>您的手机号码</translation>
    </message>
    <message>
        <source>Whichever you choose, the complaint goes only to the discipline inspectors, never to the people it is about or to the officials who help your household.</source>
        <translation>不管选哪一种，投诉都只送到纪检监察机关，不会送到被反映的人手里，也不会送到帮扶您家的干部手里。</translation>
    </message>
    <message>
        <source>With your name: the inspectors who handle it see your name, your household&apos;s file, its members and its payments, and may call you on a number you leave next.</source>
        <translation>实名：办理投诉的纪检监察人员能看到您的姓名、本户档案、家庭成员和补助记录，也可能打您下一步留下的电话。</translation>
    </message>
    <message>
        <source>Anonymous: the inspectors see your household&apos;s file number, village and payments, so they can check the money, but not your name, your phone or who in your household filed it. They cannot call you.</source>
        <translation>匿名：纪检监察人员能看到本户的档案号、所在村和补助记录，以便核查款项；但看不到您的姓名、电话，也不知道是家里哪一位反映的。他们没法给您打电话。</translation>
    </message>
    <message>
        <source>A report about the village: no household file, name or payment goes with it. The inspectors see what you report, whom you name and this service hall. They cannot call you.</source>
        <translation>反映村里的情况：不附任何农户档案、姓名或补助记录。纪检监察人员只看到您反映的事、您指出的人和这个便民服务大厅。他们没法给您打电话。</translation>
    </message>
    <message>
        <source>%1 more digits to type.</source>
        <translation>还差 %1 位。</translation>
    </message>
</context>
<context>
    <name>ImplicatedStep</name>
    <message>
        <source>Who is the complaint about?</source>
        <translation>您反映的是谁？</translation>
    </message>
    <message>
        <source>Touch everyone it is about, or &quot;Nobody in particular&quot;. Those you name never see the complaint, and it goes to an office above them.</source>
        <translation>请点选所有被反映的对象，或点“不针对具体的人”。被反映的人看不到这件投诉，投诉会送到比他们高一级的机关。</translation>
    </message>
    <message>
        <source>The village committee: %1</source>
        <translation>村（居）委会：%1</translation>
    </message>
    <message>
        <source>The committee of your village or community</source>
        <translation>您所在村或社区的委员会</translation>
    </message>
    <message>
        <source>The department that paid the disputed payment</source>
        <translation>发放这笔有问题款项的单位</translation>
    </message>
    <message>
        <source>Nobody in particular / I do not know</source>
        <translation>不针对具体的人 / 我不知道</translation>
    </message>
    <message>
        <source>The inspectors find out who is responsible.</source>
        <translation>由纪检监察人员查明责任人。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue to check what will be sent</source>
        <translation>继续，核对要发送的内容</translation>
    </message>
    <message>
        <source>My responsible cadre %1, %2</source>
        <translation>我的帮扶干部 %1，%2</translation>
    </message>
    <message>
        <source>%1; helps your household now</source>
        <translation>%1；现在帮扶您家</translation>
    </message>
    <message>
        <source>%1; helped your household until %2</source>
        <translation>%1；帮扶您家到 %2</translation>
    </message>
</context>
<context>
    <name>KeyPad</name>
    <message>
        <source>Delete</source>
        <extracomment>What :attr:`KeyPad.key_pressed` carries for the two editing keys. Character keys carry their one character, so these longer words can never be mistaken for one.</extracomment>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear everything typed</source>
        <translation>清空已输入的全部内容</translation>
    </message>
    <message>
        <source>X (only as the last character)</source>
        <translation>X（只能作为最后一位）</translation>
    </message>
    <message>
        <source>Decimal point</source>
        <translation>小数点</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date pattern of Qt</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Disaster relief</source>
        <translation>灾害救助</translation>
    </message>
    <message>
        <source>Subsistence allowance</source>
        <translation>最低生活保障金（低保）</translation>
    </message>
    <message>
        <source>Industry support fund</source>
        <translation>产业扶持资金</translation>
    </message>
    <message>
        <source>Education grant</source>
        <translation>教育资助</translation>
    </message>
    <message>
        <source>Medical aid</source>
        <translation>医疗救助</translation>
    </message>
    <message>
        <source>Housing renovation grant</source>
        <translation>危房改造补助</translation>
    </message>
    <message>
        <source>Old-age allowance</source>
        <translation>高龄补贴</translation>
    </message>
    <message>
        <source>Disability allowances</source>
        <translation>残疾人两项补贴</translation>
    </message>
    <message>
        <source>Forest protection compensation</source>
        <translation>生态公益林补偿</translation>
    </message>
    <message>
        <source>Skills training subsidy</source>
        <translation>技能培训补贴</translation>
    </message>
    <message>
        <source>Relocation grant</source>
        <translation>易地扶贫搬迁补助</translation>
    </message>
    <message>
        <source>Micro-loan interest subsidy</source>
        <translation>小额信贷贴息</translation>
    </message>
    <message>
        <source>One-card bank account</source>
        <translation>一卡通（惠民惠农补贴账户）</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>In kind (goods)</source>
        <translation>实物</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Son</source>
        <translation>儿子</translation>
    </message>
    <message>
        <source>Daughter</source>
        <translation>女儿</translation>
    </message>
    <message>
        <source>Daughter-in-law</source>
        <translation>儿媳</translation>
    </message>
    <message>
        <source>Son-in-law</source>
        <translation>女婿</translation>
    </message>
    <message>
        <source>Grandson</source>
        <translation>孙子</translation>
    </message>
    <message>
        <source>Granddaughter</source>
        <translation>孙女</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Skilled worker</source>
        <translation>技能劳动力</translation>
    </message>
    <message>
        <source>Ordinary worker</source>
        <translation>普通劳动力</translation>
    </message>
    <message>
        <source>Weak or part-time worker</source>
        <translation>弱劳动力或半劳动力</translation>
    </message>
    <message>
        <source>Not a worker</source>
        <translation>无劳动力</translation>
    </message>
    <message>
        <source>Can no longer work</source>
        <translation>丧失劳动力</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Long-term illness</source>
        <translation>长期慢性病</translation>
    </message>
    <message>
        <source>Serious illness</source>
        <translation>患有大病</translation>
    </message>
    <message>
        <source>Disability</source>
        <comment>state of health</comment>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Registered as poor</source>
        <translation>未脱贫（建档立卡贫困户）</translation>
    </message>
    <message>
        <source>Out of poverty</source>
        <translation>已脱贫</translation>
    </message>
    <message>
        <source>Out of poverty, watched for relapse</source>
        <translation>已脱贫，列为监测户</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>因病</translation>
    </message>
    <message>
        <source>Disability</source>
        <comment>cause of poverty</comment>
        <translation>因残</translation>
    </message>
    <message>
        <source>Cost of schooling</source>
        <translation>因学</translation>
    </message>
    <message>
        <source>Natural disaster</source>
        <translation>因灾</translation>
    </message>
    <message>
        <source>Not enough land</source>
        <translation>缺土地</translation>
    </message>
    <message>
        <source>Not enough water</source>
        <translation>缺水</translation>
    </message>
    <message>
        <source>Lack of skills</source>
        <translation>缺技术</translation>
    </message>
    <message>
        <source>Not enough people able to work</source>
        <translation>缺劳力</translation>
    </message>
    <message>
        <source>Lack of money to start</source>
        <translation>缺资金</translation>
    </message>
    <message>
        <source>Poor roads and transport</source>
        <translation>交通条件落后</translation>
    </message>
    <message>
        <source>Lack of drive to develop</source>
        <translation>自身发展动力不足</translation>
    </message>
    <message>
        <source>Industry support</source>
        <translation>产业扶持</translation>
    </message>
    <message>
        <source>Help to find work</source>
        <translation>就业帮扶</translation>
    </message>
    <message>
        <source>Skills training</source>
        <translation>技能培训</translation>
    </message>
    <message>
        <source>Relocation</source>
        <translation>易地扶贫搬迁</translation>
    </message>
    <message>
        <source>Help with schooling</source>
        <translation>教育资助</translation>
    </message>
    <message>
        <source>Help with health care</source>
        <translation>健康扶贫</translation>
    </message>
    <message>
        <source>Repair of an unsafe house</source>
        <translation>危房改造</translation>
    </message>
    <message>
        <source>Basic social security</source>
        <translation>兜底保障</translation>
    </message>
    <message>
        <source>Micro-loan</source>
        <translation>小额信贷</translation>
    </message>
    <message>
        <source>Ecological compensation</source>
        <translation>生态补偿</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>住房</translation>
    </message>
    <message>
        <source>Food and clothing</source>
        <translation>吃穿</translation>
    </message>
    <message>
        <source>Work and income</source>
        <translation>劳动与收入</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>医疗</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>未脱贫</translation>
    </message>
    <message>
        <source>Out of poverty, at risk of falling back</source>
        <translation>已脱贫，有返贫风险</translation>
    </message>
    <message>
        <source>Out of poverty, stable</source>
        <translation>稳定脱贫</translation>
    </message>
    <message>
        <source>Not yet checked by you</source>
        <extracomment>One, two or three filled dots: the band can be told without colour or reading.</extracomment>
        <translation>您还没有核对</translation>
    </message>
    <message>
        <source>You confirmed: received in full</source>
        <translation>您已确认：全额收到</translation>
    </message>
    <message>
        <source>You said: received nothing</source>
        <translation>您反映：一分没收到</translation>
    </message>
    <message>
        <source>You said: received only %1</source>
        <translation>您反映：只收到 %1</translation>
    </message>
    <message>
        <source>Approved, not yet repaying</source>
        <translation>已批准，尚未开始还款</translation>
    </message>
    <message>
        <source>Being repaid</source>
        <translation>正在还款</translation>
    </message>
    <message>
        <source>Repaid in full</source>
        <translation>已全部还清</translation>
    </message>
    <message>
        <source>Overdue: a repayment is late</source>
        <translation>已逾期：有一笔还款晚了</translation>
    </message>
    <message>
        <source>Extended: more time to repay</source>
        <translation>已展期：还款时间延长</translation>
    </message>
    <message>
        <source>Proposed</source>
        <extracomment>A mark beside a loan&apos;s status, so it is told by a symbol and words, never by colour.</extracomment>
        <translation>申报</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>评审论证</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>project stage</comment>
        <translation>批复</translation>
    </message>
    <message>
        <source>Funds allocated</source>
        <translation>资金下达</translation>
    </message>
    <message>
        <source>Funds accounted for</source>
        <translation>资金报账</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>实施中</translation>
    </message>
    <message>
        <source>Finished and accepted</source>
        <translation>竣工验收</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1个月</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1个月</translation>
    </message>
</context>
<context>
    <name>LedgerScreen</name>
    <message>
        <source>Payments in your name</source>
        <translation>我家名下的补助款</translation>
    </message>
    <message>
        <source>No payment is recorded in your household&apos;s name.</source>
        <translation>您家名下没有任何补助款记录。</translation>
    </message>
    <message>
        <source>If you think money was paid to you, staff at the service desk can help.</source>
        <translation>如果您认为有钱发给了您，可以请服务台的工作人员帮忙查询。</translation>
    </message>
    <message>
        <source>All years: %2 in total, number of payments: %1</source>
        <translation>所有年份：共 %1 笔，合计 %2</translation>
    </message>
    <message>
        <source>This year: %2 in total, number of payments: %1</source>
        <translation>这一年共 %1 笔，合计 %2</translation>
    </message>
    <message>
        <source>Recorded. Thank you.</source>
        <translation>已记录，谢谢您。</translation>
    </message>
    <message>
        <source>Print statement</source>
        <translation>打印明细</translation>
    </message>
    <message>
        <source>Your statement of payments</source>
        <translation>您的资金发放明细</translation>
    </message>
    <message>
        <source>Touch Try again, or ask staff at the service desk.</source>
        <translation>请点“再试一次”，或请服务台工作人员帮忙。</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Show the payments of %1</source>
        <translation>查看%1年的补助款</translation>
    </message>
    <message>
        <source>No newer year</source>
        <translation>没有更近的年份了</translation>
    </message>
    <message>
        <source>No older year</source>
        <translation>没有更早的年份了</translation>
    </message>
</context>
<context>
    <name>LoanCard</name>
    <message>
        <source>Bank: %1</source>
        <translation>银行：%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Yearly interest rate</source>
        <translation>年利率</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1，到%2为止</translation>
    </message>
    <message>
        <source>Paid out on</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Paid for you by the government (interest subsidy)</source>
        <translation>由政府替您支付（财政贴息）</translation>
    </message>
    <message>
        <source>Paid by your household</source>
        <translation>由您家自己支付</translation>
    </message>
    <message>
        <source>Repaid so far</source>
        <translation>已还本金</translation>
    </message>
    <message>
        <source>Still to repay</source>
        <translation>还需归还</translation>
    </message>
    <message>
        <source>Repayments</source>
        <translation>还款记录</translation>
    </message>
    <message>
        <source>%1: %2 of the loan, %3 interest</source>
        <translation>%1：还本金%2，利息%3</translation>
    </message>
    <message>
        <source>No repayment yet.</source>
        <translation>还没有还款。</translation>
    </message>
</context>
<context>
    <name>LoansScreen</name>
    <message>
        <source>Your loans</source>
        <translation>您家的贷款</translation>
    </message>
    <message>
        <source>%1 from %2, %3. Repaid so far %4, still to repay %5.</source>
        <translation>%2贷款%1，%3。已还本金%4，还需归还%5。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Resident self-service kiosk</source>
        <extracomment>What a resident asked for before the store was connected (the latest wins).</extracomment>
        <translation>居民自助服务终端</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>%1 · %2 · %3 years old</source>
        <extracomment>Content width from which the file&apos;s facts stand in two columns. The least width of a member card (two in a row at 1080 portrait, three at 1920 landscape).</extracomment>
        <translation>%1 · %2 · %3岁</translation>
    </message>
    <message>
        <source>ID number (partly hidden):</source>
        <translation>身份证号（部分隐藏）：</translation>
    </message>
    <message>
        <source>Work: %1</source>
        <translation>劳动能力：%1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康状况：%1</translation>
    </message>
</context>
<context>
    <name>PaymentCard</name>
    <message>
        <source>Paid on: %1</source>
        <extracomment>Cards filled when a year opens (more than a screenful), and then at a time as the resident nears the end: a new card costs milliseconds, and a year may hold hundreds. Cards kept for the next household after a session ends; more are deleted.</extracomment>
        <translation>发放日期：%1</translation>
    </message>
    <message>
        <source>Paid by: %1</source>
        <translation>发放单位：%1</translation>
    </message>
    <message>
        <source>How: %1</source>
        <translation>发放方式：%1</translation>
    </message>
    <message>
        <source>Paid to: %1</source>
        <translation>领取人：%1</translation>
    </message>
    <message>
        <source>✓ Received in full</source>
        <translation>✓ 已全额收到</translation>
    </message>
    <message>
        <source>I received all %1</source>
        <translation>%1 我已全额收到</translation>
    </message>
    <message>
        <source>✗ Not right</source>
        <translation>✗ 不对</translation>
    </message>
    <message>
        <source>This payment is not right</source>
        <translation>这笔款项不对</translation>
    </message>
    <message>
        <source>Did you receive all %1?</source>
        <translation>%1 您全部收到了吗？</translation>
    </message>
    <message>
        <source>Yes, all of it</source>
        <translation>是，全部收到</translation>
    </message>
    <message>
        <source>Yes, I received all of it</source>
        <translation>是，我全部收到了</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back without answering</source>
        <translation>先不回答，返回</translation>
    </message>
    <message>
        <source>Complaint %1: saved on this terminal, waiting to be sent</source>
        <translation>投诉 %1：已保存在这台机器上，等待发送</translation>
    </message>
    <message>
        <source>Complaint %1: sent to the discipline inspectors</source>
        <translation>投诉 %1：已送到纪检监察机关</translation>
    </message>
    <message>
        <source>Complaint %1: the central system did not take it. Please ask staff.</source>
        <translation>投诉 %1：上级系统没有接收，请找工作人员。</translation>
    </message>
</context>
<context>
    <name>PaymentSummary</name>
    <message>
        <source>Paid on %1 by %2</source>
        <translation>%1由%2发放</translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <source>⌫ Delete</source>
        <extracomment>Letters to a row: seven in four rows where the keyboard is narrow (portrait), ten in three rows where it is wide, so it still fits under the top bar of a 768-pixel screen. Width from which the keyboard has ten letters to a row. Most candidate buttons one row can hold; fewer show when they do not fit. Longest run of pinyin letters kept waiting for a choice.</extracomment>
        <translation>⌫ 删除</translation>
    </message>
    <message>
        <source>Delete the last letter or character</source>
        <translation>删除最后一个字母或汉字</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear everything typed</source>
        <translation>清空输入的全部内容</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Done ✓</source>
        <translation>完成 ✓</translation>
    </message>
    <message>
        <source>Done: finish typing</source>
        <translation>完成：结束输入</translation>
    </message>
    <message>
        <source>Previous characters</source>
        <translation>上一页候选字</translation>
    </message>
    <message>
        <source>More characters</source>
        <translation>下一页候选字</translation>
    </message>
    <message>
        <source>Pinyin typed</source>
        <translation>已输入的拼音</translation>
    </message>
    <message>
        <source>Text entered</source>
        <translation>已输入的文字</translation>
    </message>
    <message>
        <source>v, for ü</source>
        <translation>v，用来打ü</translation>
    </message>
    <message>
        <source>Touch the letters of the pinyin, then the character you mean</source>
        <translation>先点拼音字母，再点您要的字</translation>
    </message>
    <message>
        <source>Getting the characters ready…</source>
        <translation>正在准备汉字…</translation>
    </message>
    <message>
        <source>No character has this pinyin. Touch Delete and try again.</source>
        <translation>没有这个拼音的字。请点“删除”再试。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Preparing the document…</source>
        <extracomment>Bumped by every clear, so a job&apos;s late news about an older record is ignored. A record is being issued and rendered for this page.</extracomment>
        <translation>正在准备文件…</translation>
    </message>
    <message>
        <source>Check the page, then touch Print.</source>
        <translation>请看一下这一页，然后点“打印”。</translation>
    </message>
    <message>
        <source>Printed. Please take the paper from the printer.</source>
        <translation>已打印，请从打印机取走纸张。</translation>
    </message>
    <message>
        <source>Printing… please wait.</source>
        <translation>正在打印…请稍候。</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <source>Checking the printer…</source>
        <translation>正在检查打印机…</translation>
    </message>
    <message>
        <source>It could not be printed:</source>
        <translation>未能打印：</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>province</source>
        <comment>level</comment>
        <extracomment>Every enum whose codes reach a screen.</extracomment>
        <translation>省级</translation>
    </message>
    <message>
        <source>prefecture</source>
        <comment>level</comment>
        <translation>市（州）级</translation>
    </message>
    <message>
        <source>county</source>
        <comment>level</comment>
        <translation>县级</translation>
    </message>
    <message>
        <source>township</source>
        <comment>level</comment>
        <translation>乡镇（街道）级</translation>
    </message>
    <message>
        <source>village</source>
        <comment>level</comment>
        <translation>村级</translation>
    </message>
    <message>
        <source>Please enter an amount</source>
        <translation>请输入金额</translation>
    </message>
    <message>
        <source>An amount may contain only digits, a decimal point and thousands commas</source>
        <translation>金额只能包含数字、小数点和千位逗号</translation>
    </message>
    <message>
        <source>This is not an amount; write it like 8000 or 8000.50</source>
        <translation>金额格式不对，例如应写成 8000 或 8000.50</translation>
    </message>
    <message>
        <source>An amount has at most two digits after the decimal point (fen)</source>
        <translation>金额最多精确到分，小数点后最多两位</translation>
    </message>
    <message>
        <source>The thousands commas are in the wrong place</source>
        <translation>千位分隔逗号的位置不对</translation>
    </message>
    <message>
        <source>An amount cannot be negative</source>
        <translation>金额不能是负数</translation>
    </message>
    <message>
        <source>The amount is above the limit of {limit_yuan} yuan</source>
        <translation>金额超出上限（{limit_yuan}元）</translation>
    </message>
    <message>
        <source>Please enter your ID number</source>
        <translation>请输入身份证号码</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; you entered {count}</source>
        <translation>身份证号码应为18位，您输入了{count}位</translation>
    </message>
    <message>
        <source>Character {position} should be a digit</source>
        <translation>第{position}位应该是数字</translation>
    </message>
    <message>
        <source>X can only be the last character</source>
        <translation>X只能是最后一位</translation>
    </message>
    <message>
        <source>The last character should be a digit or X</source>
        <translation>最后一位应该是数字或X</translation>
    </message>
    <message>
        <source>The first two digits are not a province code; please check the number</source>
        <translation>前两位不是有效的省份代码，请核对号码</translation>
    </message>
    <message>
        <source>The first six digits are the area code; no area code starts like this, please check the number</source>
        <translation>前六位是地区代码，没有这样开头的地区代码，请核对号码</translation>
    </message>
    <message>
        <source>Characters 7 to 14 are the birth date; this is not a possible date, please check the number</source>
        <translation>第7到14位是出生日期（年月日），这不是一个可能的日期，请核对号码</translation>
    </message>
    <message>
        <source>The last character (the check digit) does not match; please check the number</source>
        <translation>最后一位校验码不对，请核对号码</translation>
    </message>
    <message>
        <source>No party is named, so the complaint goes to the {required} office.</source>
        <translation>未指明被反映对象，按规定送{required}纪检监察机关。</translation>
    </message>
    <message>
        <source>A {highest} department is named, so the complaint goes to the {required} office that oversees that government&apos;s departments.</source>
        <translation>被反映的是{highest}部门，按规定送监督它的{required}纪检监察机关。</translation>
    </message>
    <message>
        <source>The highest post of those named is at {highest} level, so the complaint goes one level up, to the {required} office.</source>
        <translation>被反映对象最高在{highest}任职，按规定送上一级，即{required}纪检监察机关。</translation>
    </message>
    <message>
        <source>No {required} office could take it (missing, outside its area, implicated or linked to a cadre involved), so it goes further up.</source>
        <translation>该级机关缺失、管辖不到、被反映或与相关干部有关，已再向上送。</translation>
    </message>
    <message>
        <source>Receiving office: {office}.</source>
        <translation>受理机关：{office}。</translation>
    </message>
    <message>
        <source>The household&apos;s responsible cadre cannot see it.</source>
        <translation>本户帮扶干部看不到这件投诉。</translation>
    </message>
    <message>
        <source>No cadre it names can see it.</source>
        <translation>被反映的干部看不到这件投诉。</translation>
    </message>
    <message>
        <source>A party holds a province-level post and no office above the province is known here; the complaint must go to a higher authority directly.</source>
        <translation>被反映对象在省级任职，本系统中没有更高一级的纪检监察机关，请直接向上级机关反映。</translation>
    </message>
    <message>
        <source>No discipline office at {required} level or above may receive this complaint; please take it to a higher authority in person.</source>
        <translation>找不到可以受理的{required}或更高一级纪检监察机关，请到上级机关当面反映。</translation>
    </message>
    <message>
        <source>It is not known where the complaint belongs: look up the household first, or say which unit the party works in.</source>
        <translation>不知道投诉涉及哪个地方：请先查询本户档案，或写明被反映对象所在单位。</translation>
    </message>
    <message>
        <source>Choose what kind of problem</source>
        <translation>请选择反映的类别</translation>
    </message>
    <message>
        <source>This household was not found</source>
        <translation>找不到这一户</translation>
    </message>
    <message>
        <source>The text cannot be read</source>
        <translation>内容无法读取</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters</source>
        <translation>内容太长，最多 {limit} 字</translation>
    </message>
    <message>
        <source>The text holds characters that cannot be shown</source>
        <translation>内容含有无法显示的字符</translation>
    </message>
    <message>
        <source>Choose whether to give your name</source>
        <translation>请选择是否留下姓名</translation>
    </message>
    <message>
        <source>A report about the village carries no household file</source>
        <translation>反映村里的情况时不附本户档案</translation>
    </message>
    <message>
        <source>Look up your household file first</source>
        <translation>请先查询本户档案</translation>
    </message>
    <message>
        <source>An anonymous complaint carries no name</source>
        <translation>匿名反映不写姓名</translation>
    </message>
    <message>
        <source>Your name was not found: look up your household file first</source>
        <translation>找不到您的姓名，请先查询本户档案</translation>
    </message>
    <message>
        <source>An anonymous complaint leaves no phone number</source>
        <translation>匿名反映不留联系电话</translation>
    </message>
    <message>
        <source>Enter an {digits}-digit mobile number starting with 1</source>
        <translation>请输入 {digits} 位手机号码（以 1 开头）</translation>
    </message>
    <message>
        <source>Choose which payment this is about first</source>
        <translation>请先选择是哪一笔款项</translation>
    </message>
    <message>
        <source>This payment was not found</source>
        <translation>找不到这笔款项</translation>
    </message>
    <message>
        <source>Enter the amount you received</source>
        <translation>请输入您实际收到的金额</translation>
    </message>
    <message>
        <source>That is not less than the recorded amount</source>
        <translation>您输入的金额不少于记录的金额</translation>
    </message>
    <message>
        <source>At most {limit} people can be named</source>
        <translation>最多反映 {limit} 人</translation>
    </message>
    <message>
        <source>The same person was chosen twice</source>
        <translation>同一人选了两次</translation>
    </message>
    <message>
        <source>A chosen official was not found</source>
        <translation>找不到所选的干部</translation>
    </message>
    <message>
        <source>The same unit was chosen twice</source>
        <translation>同一单位选了两次</translation>
    </message>
    <message>
        <source>A chosen unit has no name</source>
        <translation>所选单位没有名称</translation>
    </message>
    <message>
        <source>A chosen unit&apos;s place is unknown</source>
        <translation>找不到所选单位所在的地方</translation>
    </message>
    <message>
        <source>No complaint matches: check the tracking number and the secret code</source>
        <translation>查不到这件投诉，请核对受理编号和查询码</translation>
    </message>
    <message>
        <source>The central system cannot be reached now; please try again later</source>
        <translation>暂时无法连接上级系统，请稍后再查</translation>
    </message>
    <message>
        <source>Too many wrong codes; please try again in {minutes} minutes</source>
        <translation>查询码输错次数太多，请 {minutes} 分钟后再试</translation>
    </message>
    <message>
        <source>That is nothing: choose &quot;received nothing&quot;</source>
        <translation>金额为零，请选择“一分没收到”</translation>
    </message>
    <message>
        <source>That is not less than recorded: choose &quot;received in full&quot;</source>
        <translation>您输入的金额不少于记录的金额，请选择“已全额收到”</translation>
    </message>
    <message>
        <source>The printer is ready.</source>
        <translation>打印机已就绪。</translation>
    </message>
    <message>
        <source>The printer is busy with another job.</source>
        <translation>打印机正在打印别的文件。</translation>
    </message>
    <message>
        <source>The printer is nearly out of paper.</source>
        <translation>打印机快没纸了。</translation>
    </message>
    <message>
        <source>The printer is stopped.</source>
        <translation>打印机已停止。</translation>
    </message>
    <message>
        <source>The printer is out of paper.</source>
        <translation>打印机没纸了。</translation>
    </message>
    <message>
        <source>The printer cannot be reached (it may be off or unplugged).</source>
        <translation>连不上打印机（可能没开机或没插好线）。</translation>
    </message>
    <message>
        <source>It is being printed already.</source>
        <translation>这份文件已经在打印了。</translation>
    </message>
    <message>
        <source>The printer did not take the job.</source>
        <translation>打印机没有接收这份文件。</translation>
    </message>
    <message>
        <source>The page could not be prepared.</source>
        <translation>这一页没能准备好。</translation>
    </message>
    <message>
        <source>The print was cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
    <message>
        <source>The printer lost the job.</source>
        <translation>打印机丢失了这份文件。</translation>
    </message>
    <message>
        <source>The printer took too long.</source>
        <translation>打印机用时太长。</translation>
    </message>
    <message>
        <source>Printing has stopped on this terminal.</source>
        <translation>本终端已停止打印。</translation>
    </message>
    <message>
        <source>This terminal is not set up to sign printed records.</source>
        <translation>本终端还没有设置好打印凭证的签名。</translation>
    </message>
    <message>
        <source>The record could not be made.</source>
        <translation>未能生成这份凭证。</translation>
    </message>
</context>
<context>
    <name>ProjectCard</name>
    <message>
        <source>Budget: %1</source>
        <translation>预算：%1</translation>
    </message>
    <message>
        <source>Carried out by: %1</source>
        <translation>实施单位：%1</translation>
    </message>
    <message>
        <source>Now: %1, since %2</source>
        <translation>现在：%1，从%2起</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>现在：%1</translation>
    </message>
</context>
<context>
    <name>ProjectsScreen</name>
    <message>
        <source>Village projects</source>
        <translation>村里的项目</translation>
    </message>
    <message>
        <source>%1. %2. %3.</source>
        <translation>%1。%2。%3。</translation>
    </message>
</context>
<context>
    <name>ResultStep</name>
    <message>
        <source>✓ Your complaint is filed</source>
        <extracomment>The receipt was tried and not printed: the numbers must be written down.</extracomment>
        <translation>✓ 投诉已登记</translation>
    </message>
    <message>
        <source>Saved on this terminal: it goes to %1 automatically, even if the network is down now. Keep the numbers to yourself; with them you can check your complaint at any terminal.</source>
        <translation>投诉已保存在这台机器上，会自动送到%1，现在没有网络也不要紧。请自己保管好这两个号码，凭它们可以在任何一台机器上查询投诉。</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Secret code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <source>The receipt was not printed: write both numbers down now.</source>
        <translation>回执没有打印出来：请现在把两个号码抄下来。</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Print a receipt with both numbers, or write them down now.</source>
        <translation>可以打印一张写有两个号码的回执，或现在把号码抄下来。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Write both numbers down now: this terminal cannot print a receipt yet.</source>
        <translation>请现在把这两个号码抄下来：这台机器暂时不能打印回执。</translation>
    </message>
    <message>
        <source>I have written them down</source>
        <translation>我已经抄好了</translation>
    </message>
    <message>
        <source>Finished: leave this page</source>
        <translation>完成，离开这一页</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Please check what will be sent:</source>
        <translation>请核对要发送的内容：</translation>
    </message>
    <message>
        <source>What it is about</source>
        <translation>反映的问题</translation>
    </message>
    <message>
        <source>The payment</source>
        <translation>涉及的款项</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>您的说明</translation>
    </message>
    <message>
        <source>Whom it is about</source>
        <translation>被反映对象</translation>
    </message>
    <message>
        <source>How it is sent</source>
        <translation>反映方式</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>The inspectors will see</source>
        <translation>纪检监察人员会看到</translation>
    </message>
    <message>
        <source>They will not see</source>
        <translation>他们看不到</translation>
    </message>
    <message>
        <source>It goes to</source>
        <translation>送往</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Go back and change something</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the complaint</source>
        <translation>发送投诉</translation>
    </message>
    <message>
        <source>No words added</source>
        <translation>没有补充说明</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>不针对具体的人</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不留</translation>
    </message>
    <message>
        <source>No office found</source>
        <translation>找不到受理机关</translation>
    </message>
    <message>
        <source>%1, %2, paid on %3</source>
        <translation>%1，%2，%3发放</translation>
    </message>
    <message>
        <source>You say you received nothing of it.</source>
        <translation>您说一分也没收到。</translation>
    </message>
    <message>
        <source>You say you received %1.</source>
        <translation>您说只收到了 %1。</translation>
    </message>
</context>
<context>
    <name>ScrollPage</name>
    <message>
        <source>▲
Up</source>
        <translation>▲
向上</translation>
    </message>
    <message>
        <source>Show the part above</source>
        <translation>显示上面的内容</translation>
    </message>
    <message>
        <source>▼
Down</source>
        <translation>▼
向下</translation>
    </message>
    <message>
        <source>Show the part below</source>
        <translation>显示下面的内容</translation>
    </message>
</context>
<context>
    <name>StageTimeline</name>
    <message>
        <source>▶ Now</source>
        <extracomment>Put in a step&apos;s date where it may break onto a second line in a narrow box. Narrowest a step may be side by side before the timeline turns to run downwards. A step box&apos;s margins and border on both sides, around its words. Per step made so far: its boxes by state, and the one in use.</extracomment>
        <translation>▶ 现在</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>还没到</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>还没开始</translation>
    </message>
    <message>
        <source>Now: %1 (step %2 of %3)</source>
        <translation>现在：%1（共%3步的第%2步）</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>What has happened so far</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <source>Tracking number %1</source>
        <translation>受理编号 %1</translation>
    </message>
    <message>
        <source>About: %1</source>
        <translation>反映的问题：%1</translation>
    </message>
    <message>
        <source>Saved on this terminal, waiting to be sent</source>
        <translation>已保存在这台机器上，等待发送</translation>
    </message>
    <message>
        <source>It will be sent to %1 as soon as the network allows.</source>
        <translation>网络一通就会送到%1。</translation>
    </message>
    <message>
        <source>Handled by %1</source>
        <translation>办理机关：%1</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>收到时间：%1</translation>
    </message>
    <message>
        <source>An answer is due by: %1</source>
        <translation>应在此前答复：%1</translation>
    </message>
    <message>
        <source>If you do not agree with the outcome, you may ask for a review: staff at the service desk can help.</source>
        <translation>如果对结果不满意，可以申请复查，服务台的工作人员会帮您。</translation>
    </message>
    <message>
        <source>The inspectors wrote: %1</source>
        <translation>办理人员留言：%1</translation>
    </message>
    <message>
        <source>Received, and sent to %1.</source>
        <translation>已收到，转%1办理。</translation>
    </message>
    <message>
        <source>Looked into. The outcome: %1.</source>
        <translation>调查完毕。结果：%1。</translation>
    </message>
    <message>
        <source>An inspector has been given your complaint.</source>
        <translation>您的投诉已交给办理人员。</translation>
    </message>
    <message>
        <source>The inspectors are looking into it.</source>
        <translation>正在调查核实。</translation>
    </message>
    <message>
        <source>The complaint is closed.</source>
        <translation>投诉已结案。</translation>
    </message>
    <message>
        <source>Your request for a review was received: it is being looked into again.</source>
        <translation>已收到您的复查申请，正在重新调查。</translation>
    </message>
    <message>
        <source>Saved on this terminal, waiting to be sent.</source>
        <translation>已保存在这台机器上，等待发送。</translation>
    </message>
</context>
<context>
    <name>StillTherePanel</name>
    <message>
        <source>Seconds left: %1</source>
        <translation>还剩%1秒</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <source>seconds left</source>
        <translation>秒后关闭</translation>
    </message>
    <message>
        <source>To protect your information, this screen closes when the count reaches 0. Touch &quot;More time&quot; to go on.</source>
        <translation>为保护您的信息，倒数到0时本页会关闭。还要用，请点“我还在，继续用”。</translation>
    </message>
    <message>
        <source>More time</source>
        <translation>我还在，继续用</translation>
    </message>
    <message>
        <source>More time: keep using the kiosk</source>
        <translation>我还在，继续使用</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>现在结束</translation>
    </message>
    <message>
        <source>End the session now</source>
        <translation>现在结束使用</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the previous screen</source>
        <translation>返回上一页</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束使用</translation>
    </message>
    <message>
        <source>Closes your information and goes back to the first screen</source>
        <translation>关闭您的信息，回到首页</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Read this screen aloud</source>
        <translation>朗读这一页</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>标准字</translation>
    </message>
    <message>
        <source>Make the text normal size again</source>
        <translation>把字恢复到标准大小</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>大字</translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation>把字放大</translation>
    </message>
    <message>
        <source>中文</source>
        <comment>name of the other UI language</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
</context>
<context>
    <name>WordsStep</name>
    <message>
        <source>Do you want to say more in your own words?</source>
        <extracomment>The keyboard takes more than the service allows, so an over-long text is refused in words (the service&apos;s limit and reason) rather than cut off without a word.</extracomment>
        <translation>您想用自己的话补充说明吗？</translation>
    </message>
    <message>
        <source>This is not needed: your complaint can be sent without any words.</source>
        <translation>不是必须的：不写一个字，投诉也能发送。</translation>
    </message>
    <message>
        <source>Your words:</source>
        <translation>您写的话：</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>No, continue</source>
        <translation>不用了，继续</translation>
    </message>
    <message>
        <source>Continue with these words</source>
        <translation>带上这些话继续</translation>
    </message>
    <message>
        <source>Continue without adding words</source>
        <translation>不写说明，继续</translation>
    </message>
    <message>
        <source>Change the words</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Add words (optional)</source>
        <translation>写几句说明（可以不写）</translation>
    </message>
    <message>
        <source>Open the keyboard to type words</source>
        <translation>打开键盘写说明</translation>
    </message>
    <message>
        <source>Remove the words</source>
        <translation>删掉说明</translation>
    </message>
    <message>
        <source>Remove the words typed</source>
        <translation>删掉写好的说明</translation>
    </message>
</context>
<context>
    <name>_ArticleView</name>
    <message>
        <source>Published on %1 by %2</source>
        <translation>%1 由%2发布</translation>
    </message>
</context>
<context>
    <name>_LoansView</name>
    <message>
        <source>Your household has no loan on record.</source>
        <translation>您家没有贷款记录。</translation>
    </message>
    <message>
        <source>Your household has 1 loan on record.</source>
        <translation>您家有1笔贷款记录。</translation>
    </message>
    <message>
        <source>Your household has %1 loans on record.</source>
        <translation>您家有%1笔贷款记录。</translation>
    </message>
    <message>
        <source>If a loan is missing or something here is wrong, ask the staff of the street office, here in the service hall.</source>
        <translation>如果少了哪笔贷款，或者这里有不对的地方，请问本服务大厅里街道办事处的工作人员。</translation>
    </message>
</context>
<context>
    <name>_ProjectsView</name>
    <message>
        <source>No project is recorded for your village.</source>
        <translation>您村里没有项目记录。</translation>
    </message>
    <message>
        <source>1 project in your village.</source>
        <translation>您村里有1个项目。</translation>
    </message>
    <message>
        <source>%1 projects in your village.</source>
        <translation>您村里有%1个项目。</translation>
    </message>
</context>
<context>
    <name>_ResponsibleView</name>
    <message>
        <source>Responsible for helping your household now</source>
        <translation>现在负责帮扶您家的干部</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Work phone: you may call this number</source>
        <translation>工作电话：有事可以打这个电话</translation>
    </message>
    <message>
        <source>Work phone %1</source>
        <translation>工作电话 %1</translation>
    </message>
    <message>
        <source>Responsible since %1</source>
        <translation>从%1起负责</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（已%2）</translation>
    </message>
    <message>
        <source>No official is responsible for helping your household at the moment.</source>
        <translation>目前没有干部负责帮扶您家。</translation>
    </message>
    <message>
        <source>Please ask the staff of %1 street office, here in the service hall: they will tell you who helps your household.</source>
        <translation>请在本服务大厅问%1的工作人员，他们会告诉您谁负责帮扶您家。</translation>
    </message>
    <message>
        <source>Please ask the staff of the street office, here in the service hall: they will tell you who helps your household.</source>
        <translation>请在本服务大厅问街道办事处的工作人员，他们会告诉您谁负责帮扶您家。</translation>
    </message>
    <message>
        <source>Who was responsible before</source>
        <translation>以前负责帮扶您家的干部</translation>
    </message>
    <message>
        <source>Nobody else has been responsible before.</source>
        <translation>以前没有其他干部负责过。</translation>
    </message>
</context>
</TS>
