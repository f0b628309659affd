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
    <name>IdentificationPlaceholder</name>
    <message>
        <source>Identification comes next</source>
        <translation>下一步：身份识别</translation>
    </message>
    <message>
        <source>This step is still being built.</source>
        <translation>这一步还在建设中，敬请期待。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the first screen</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Resident self-service kiosk</source>
        <translation>居民自助服务终端</translation>
    </message>
</context>
</TS>
