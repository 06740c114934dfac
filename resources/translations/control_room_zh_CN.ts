<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Alarm</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="16" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="17" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="18" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="19" />
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="23" />
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="24" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="25" />
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="26" />
        <source>Cleared</source>
        <translation>已消除</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="27" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="31" />
        <source>too high</source>
        <translation>过高</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="32" />
        <source>too low</source>
        <translation>过低</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="33" />
        <source>unusual for this hour</source>
        <translation>与该时段规律不符</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="34" />
        <source>changing too fast</source>
        <translation>变化过快</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="35" />
        <source>abnormal state</source>
        <translation>状态异常</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="39" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="40" />
        <source>No data from the site</source>
        <translation>小区无数据</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="41" />
        <source>Welfare check (lives alone)</source>
        <translation>独居老人关怀提醒</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="42" />
        <source>Smoke</source>
        <translation>烟雾</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="43" />
        <source>Gas leak</source>
        <translation>燃气泄漏</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="44" />
        <source>Door forced</source>
        <translation>门被强行打开</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="45" />
        <source>Door held open</source>
        <translation>门长时间未关</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="46" />
        <source>Manhole cover opened</source>
        <translation>井盖被打开</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="47" />
        <source>Manhole cover displaced</source>
        <translation>井盖移位</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="48" />
        <location filename="../../ui/alarm_labels.py" line="49" />
        <source>Panic button</source>
        <translation>紧急按钮</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="50" />
        <source>Passenger trapped</source>
        <translation>电梯困人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="51" />
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="52" />
        <source>Trip</source>
        <translation>跳闸</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="53" />
        <source>Tampering</source>
        <translation>被破坏</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="54" />
        <source>Gate forced</source>
        <translation>道闸被强行通过</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="55" />
        <source>Video loss</source>
        <translation>视频丢失</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="56" />
        <source>Camera tampering</source>
        <translation>摄像机被遮挡或破坏</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="57" />
        <source>Object thrown from height</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="58" />
        <source>Illegal construction or encroachment on green space</source>
        <translation>违章搭建/侵占绿地</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="60" />
        <source>Camera moved or tampered with</source>
        <translation>摄像机移位或被人动过</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="61" />
        <source>Bang heard (located)</source>
        <translation>异常巨响（已定位）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="62" />
        <source>Impact heard (located)</source>
        <translation>撞击声（已定位）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="63" />
        <source>Hiss heard (leak?)</source>
        <translation>嘶嘶声（疑似泄漏）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="64" />
        <source>Pump running, no pressure</source>
        <translation>水泵运行但无压力</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="65" />
        <source>Elevator stuck</source>
        <translation>电梯停滞</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="66" />
        <source>Hot under light load</source>
        <translation>轻载过热</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="68" />
        <source>Lift stopped outside the door zone</source>
        <translation>电梯停在平层区外</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="70" />
        <source>Lift moving with doors open</source>
        <translation>电梯开门走车</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="71" />
        <source>Passenger trapped in the lift</source>
        <translation>电梯困人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="72" />
        <source>Manhole cover off</source>
        <translation>井盖脱落</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="73" />
        <source>Gate silent</source>
        <translation>道闸无过车上报</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="74" />
        <source>Many manual releases</source>
        <translation>人工放行过多</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="75" />
        <source>Gate not reporting passes</source>
        <translation>道闸漏报过车</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="76" />
        <source>Vehicles overstaying</source>
        <translation>车辆超时停放</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="77" />
        <source>Charger faulted</source>
        <translation>充电桩故障</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="78" />
        <source>Night flow above its baseline (leak?)</source>
        <translation>夜间流量偏高（疑似漏水）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="79" />
        <source>Unaccounted water</source>
        <translation>产销差过高</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="80" />
        <source>Storage cannot keep data</source>
        <translation>存储无法保存数据</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="236" />
        <source>Site data feed</source>
        <extracomment>what the engine raises alarms on that is not a device of the scene</extracomment>
        <translation>现场数据接入</translation>
    </message>
</context>
<context>
    <name>AlarmBoard</name>
    <message>
        <location filename="../../ui/alarm_board.py" line="61" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="61" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="62" />
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="62" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="63" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="63" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="64" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="64" />
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="78" />
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="80" />
        <source>%1 and above</source>
        <translation>%1及以上</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="83" />
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="84" />
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="85" />
        <source>Cleared, to acknowledge</source>
        <translation>已消除待确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="87" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="89" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="98" />
        <source>Search device, building, text…</source>
        <translation>搜索设备、楼栋、内容…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="127" />
        <source>Acknowledge (A)</source>
        <translation>确认 (A)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="129" />
        <source>Shelve (S)</source>
        <translation>搁置 (S)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="130" />
        <source>Comment (C)</source>
        <translation>备注 (C)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="132" />
        <source>Silence (M)</source>
        <translation>消音 (M)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="133" />
        <source>Next (N)</source>
        <translation>下一条 (N)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="156" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="156" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="156" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="157" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="229" />
        <source>shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="230" />
        <source>silenced</source>
        <translation>已消音</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="248" />
        <source>%1 open, %2 unacknowledged</source>
        <translation>未关闭 %1 条，未确认 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="283" />
        <location filename="../../ui/alarm_board.py" line="287" />
        <source>Shelve alarm</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="284" />
        <source>Shelve for (minutes):</source>
        <translation>搁置时长（分钟）：</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="287" />
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="296" />
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="296" />
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>AlarmDetail</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="85" />
        <source>No pass for {minutes} min while the other gates saw {peers}</source>
        <extracomment>what an operations condition says (app.operations.conditions.message "what")</extracomment>
        <translation>{minutes} 分钟无过车，同期其他道闸 {peers} 次</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="87" />
        <source>{count} manual releases in the last hour</source>
        <translation>近一小时人工放行 {count} 次</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="89" />
        <source>{count} passes counted by the controller but not reported</source>
        <translation>控制器计数 {count} 次过车未上报</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="91" />
        <source>{count} vehicles over their time: {plates}</source>
        <translation>{count} 辆车超时：{plates}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="92" />
        <source>Connector faulted: {error}</source>
        <translation>充电枪故障：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="93" />
        <source>Night flow {flow} L/h, usually {baseline} L/h</source>
        <translation>夜间流量 {flow} L/h，平时 {baseline} L/h</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="95" />
        <source>{percent}% of the main's water ({m3} m³) not on the flats' meters</source>
        <translation>总表水量的 {percent}%（{m3} m³）未计入分户表</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="98" />
        <source>96333 rescue code {code}</source>
        <translation>96333 救援码 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="103" />
        <source>{point} {value} above {threshold}</source>
        <extracomment>app.alarms.messages.TEMPLATES, worded for the screen (placeholders stay in braces)</extracomment>
        <translation>{point} {value}，高于 {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="104" />
        <source>{point} {value} below {threshold}</source>
        <translation>{point} {value}，低于 {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="105" />
        <source>{point}: abnormal state ({value})</source>
        <translation>{point}：状态异常（{value}）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="106" />
        <source>{point} {value} unusual for this hour (usual {lo}–{hi})</source>
        <translation>{point} {value}，与本时段通常值不符（通常 {lo}–{hi}）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="108" />
        <source>{point} changing {rate} per minute</source>
        <translation>{point} 变化过快：每分钟 {rate}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="109" />
        <source>Device offline</source>
        <translation>设备离线</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="110" />
        <source>No data for too long</source>
        <translation>长时间无数据</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="111" />
        <source>No message from any device for {seconds} s</source>
        <translation>已 {seconds} 秒未收到任何设备消息</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="113" />
        <source>{unit} {resident}: no water use or door activity for {hours} h</source>
        <translation>{unit} {resident}：已 {hours} 小时无用水或门禁活动</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="115" />
        <source>Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}</source>
        <translation>定位于 ({x}, {y}, {z}) ±{uncertainty} 米 {where}{level}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="117" />
        <source>Storage cannot keep incoming data: {held} messages held unacknowledged, {dropped} dropped ({reason})</source>
        <translation>存储无法保存收到的数据：{held} 条消息暂不确认（由代理服务器保留），已丢弃 {dropped} 条（{reason}）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="167" />
        <source>cause</source>
        <extracomment>keys of an event's data, worded for the screen; others are shown as key=value</extracomment>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="168" />
        <source>degree</source>
        <translation>程度</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="169" />
        <source>floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="170" />
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="171" />
        <source>building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="172" />
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="173" />
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="174" />
        <source>zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="175" />
        <source>kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="181" />
        <source>covered</source>
        <extracomment>keys that link an event to its record (the construction review), not for reading</extracomment>
        <translation>被遮挡</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="182" />
        <source>moved</source>
        <translation>被移动</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="183" />
        <source>blurred</source>
        <translation>画面模糊</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="185" />
        <source>the picture no longer lines up</source>
        <translation>画面无法与参考图对齐</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="186" />
        <source>the picture no longer matches</source>
        <translation>画面与参考图差异过大</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="187" />
        <source>the picture shifted</source>
        <translation>画面平移</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="188" />
        <source>the picture turned</source>
        <translation>画面转动</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="190" />
        <source>transformer overheating</source>
        <translation>变压器过热</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="191" />
        <source>pump failure</source>
        <translation>水泵故障</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="192" />
        <source>lift stuck</source>
        <translation>电梯停滞</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="193" />
        <source>passenger trapped</source>
        <translation>电梯困人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="194" />
        <source>lift moving with doors open</source>
        <translation>电梯开门运行</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="195" />
        <source>manhole flooded</source>
        <translation>井内积水</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="196" />
        <source>sewer gas</source>
        <translation>井内可燃气体</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="197" />
        <source>sensor battery low</source>
        <translation>传感器电量低</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="198" />
        <source>smoke alarm</source>
        <translation>烟雾报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="199" />
        <source>charger fault</source>
        <translation>充电桩故障</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="200" />
        <source>barrier fault</source>
        <translation>道闸故障</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="201" />
        <source>pass records lost</source>
        <translation>通行记录中断</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="202" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="204" />
        <source>green space</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="205" />
        <source>no-build area</source>
        <translation>禁建区</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="206" />
        <source>fire lane</source>
        <translation>消防通道</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="207" />
        <source>rooftop</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="228" />
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>AlarmHistory</name>
    <message>
        <location filename="../../ui/alarm_history.py" line="54" />
        <source>Search history…</source>
        <translation>搜索历史记录…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="60" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="60" />
        <source>Time to acknowledge</source>
        <translation>确认用时</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="61" />
        <source>Time to clear</source>
        <translation>消除用时</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="61" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="70" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="70" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="70" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="71" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="112" />
        <source>%1 alarms, mean time to acknowledge %2</source>
        <translation>共 %1 条报警，平均确认用时 %2</translation>
    </message>
</context>
<context>
    <name>AlarmTimeline</name>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="20" />
        <source>Raised</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="21" />
        <source>Severity raised</source>
        <translation>级别升高</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="22" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="23" />
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="24" />
        <source>Work order</source>
        <translation>派工单</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="25" />
        <source>Shelved</source>
        <translation>搁置</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="26" />
        <source>Unshelved</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="27" />
        <source>Escalated to the supervisor</source>
        <translation>已上报主管</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="28" />
        <source>Cleared</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="29" />
        <source>Active again</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="30" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="32" />
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="35" />
        <source>%1 times</source>
        <extracomment>who the book names for its own steps, and for the dispatch service marking a work order</extracomment>
        <translation>共 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="36" />
        <source>for %1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="37" />
        <source>unacknowledged for %1 min</source>
        <translation>%1 分钟未确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="38" />
        <source>shelving expired</source>
        <translation>搁置到期</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/audit_panel.py" line="43" />
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="45" />
        <source>Object (alarm:…, order:…, user:…)</source>
        <translation>对象（alarm:…、order:…、user:…）</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="52" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="54" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="60" />
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="60" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="60" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="95" />
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="107" />
        <source>Export audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="110" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../../ui/camera_list.py" line="52" />
        <source>drag onto a tile, or double-click for the main tile</source>
        <translation>拖到画面格中，或双击放到主画面</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../ui/camera_wall.py" line="105" />
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="106" />
        <source>Camera events</source>
        <translation>视频事件</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="304" />
        <source>REPLAY</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="343" />
        <source>Export evidence to</source>
        <translation>证据导出到</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="350" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="352" />
        <source>Evidence exported to %1</source>
        <translation>证据已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="29" />
        <source>floor %1</source>
        <translation>%1 层</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="29" />
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="30" />
        <source>Object thrown from height</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="31" />
        <source>Video lost</source>
        <translation>视频丢失</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="32" />
        <source>Video restored</source>
        <translation>视频恢复</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="33" />
        <source>Camera tampering</source>
        <translation>摄像机被遮挡或破坏</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="34" />
        <source>Construction or encroachment</source>
        <translation>违章搭建/侵占绿地</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="35" />
        <source>Replay clip</source>
        <translation>回放片段</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="35" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="36" />
        <source>Export evidence…</source>
        <translation>导出证据…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="37" />
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="41" />
        <source>accepted</source>
        <extracomment>a construction change's state (app.vision.construction.records.STATES), as a suffix</extracomment>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="42" />
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="43" />
        <source>sent for enforcement</source>
        <translation>已移交执法</translation>
    </message>
</context>
<context>
    <name>ChangeReview</name>
    <message>
        <location filename="../../ui/change_review.py" line="68" />
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="68" />
        <source>accepted</source>
        <translation>已认可</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="69" />
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="69" />
        <source>dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="76" />
        <source>Open only</source>
        <translation>仅显示待处理</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="86" />
        <source>Why (required to accept or reject)</source>
        <translation>原因（认可或驳回时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="87" />
        <source>Accept (allowed)</source>
        <translation>认可（合规）</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="88" />
        <source>Reject (false alarm)</source>
        <translation>驳回（误报）</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="89" />
        <source>Dispatch to enforcement</source>
        <translation>派单执法</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="112" />
        <source>Changes are reviewed at a desk of the server: this console does not hold their pictures.</source>
        <translation>变化须在服务器端席位复核：本控制台没有其图片。</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="115" />
        <source>You may look at changes; deciding on them needs the review permission.</source>
        <translation>您可以查看变化；处理需要复核权限。</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="132" />
        <source>late parts: %1</source>
        <translation>后续扩建 %1 处</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="165" />
        <source>No change selected.</source>
        <translation>未选择变化。</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="170" />
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="170" />
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="171" />
        <source>at %1, %2 m in the compound</source>
        <translation>位于小区坐标 %1, %2 米</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="173" />
        <source>place unknown (no ground calibration)</source>
        <translation>位置未知（未做地面标定）</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="176" />
        <source>Confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="177" />
        <source>no longer seen</source>
        <translation>已不再可见</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="181" />
        <source>Work order %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="183" />
        <source>Late parts after dispatch: %1, the last at %2</source>
        <translation>派单后又扩建 %1 处，最近一处 %2</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="200" />
        <source>Not done: %1</source>
        <translation>未执行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="203" />
        <source>Accepted: absorbed into the camera's reference.</source>
        <translation>已认可：已并入该摄像机的参考画面。</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="204" />
        <source>Rejected as a false alarm; kept for tuning.</source>
        <translation>已作为误报驳回；保留用于调优。</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="205" />
        <source>Dispatched; evidence package %1</source>
        <translation>已派单；证据包 %1</translation>
    </message>
</context>
<context>
    <name>ChargerPanel</name>
    <message>
        <location filename="../../ui/charger_panel.py" line="43" />
        <source>charging now</source>
        <translation>正在充电</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="44" />
        <source>faulted</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="45" />
        <source>sessions today</source>
        <translation>今日充电次数</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="46" />
        <source>kWh today</source>
        <translation>今日充电量 kWh</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="47" />
        <source>in valley hours</source>
        <translation>谷段占比</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="48" />
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="48" />
        <source>Connector</source>
        <translation>枪号</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="49" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="49" />
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="49" />
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="50" />
        <source>Session kWh</source>
        <translation>本次充电量 kWh</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="50" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="81" />
        <source>%1 status messages did not validate; last: %2</source>
        <translation>%1 条状态消息校验未通过；最近一条：%2</translation>
    </message>
</context>
<context>
    <name>CommandError</name>
    <message>
        <location filename="../../ui/command_feedback.py" line="22" />
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="23" />
        <source>Not done</source>
        <translation>未执行</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="26" />
        <source>Already acknowledged by %1 at %2.</source>
        <translation>已由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="28" />
        <source>Your role may not do this (%1). Ask a supervisor.</source>
        <translation>您的角色无权执行此操作（%1），请联系主管。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="30" />
        <source>This is outside the area you look after.</source>
        <translation>此对象不在您的管辖范围内。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="31" />
        <source>A trainee acts only in a training session.</source>
        <translation>学员只能在培训中操作。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="33" />
        <source>The audit trail cannot be written, so nothing was done.</source>
        <translation>审计日志无法写入，操作未执行。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="35" />
        <source>Not connected to the server: nothing was sent.</source>
        <translation>未连接服务器：操作未发送。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="37" />
        <source>This alarm no longer exists.</source>
        <translation>该告警已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="38" />
        <source>This work order no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="39" />
        <source>The wall is controlled by %1 at %2.</source>
        <translation>大屏正由 %1 在 %2 控制。</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="40" />
        <source>Take control of the wall first.</source>
        <translation>请先接管大屏控制。</translation>
    </message>
</context>
<context>
    <name>CompoundLegend</name>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="18" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="19" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="20" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="21" />
        <source>Critical alarm</source>
        <translation>紧急告警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="22" />
        <source>Stale</source>
        <translation>数据超时</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="23" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="24" />
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="27" />
        <source>Sensors</source>
        <translation>传感器</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="28" />
        <source>Meters</source>
        <translation>计量表</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="29" />
        <source>Fire and gas safety</source>
        <translation>消防与燃气安全</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="30" />
        <source>Plant and lifts</source>
        <translation>机电设备与电梯</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="31" />
        <source>Access and security</source>
        <translation>门禁与安防</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="33" />
        <source>Device status</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="34" />
        <source>Device type</source>
        <translation>设备类型</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../ui/connection_banner.py" line="33" />
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_banner.py" line="48" />
        <source>The session has ended (signed out, locked or expired). What is shown is as it was at %1; commands are off until you sign in again.</source>
        <translation>会话已结束（已退出、被锁定或已过期）。当前显示的是 %1 时的状态；重新登录前无法操作。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_banner.py" line="52" />
        <source>Connection to the server %1 lost. What is shown is as it was at %2; commands are off. Reconnecting…</source>
        <translation>与服务器 %1 的连接已中断。当前显示的是 %2 时的状态，操作已停用。正在重新连接…</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="54" />
        <source>The debrief comes when the run ends.</source>
        <translation>本次培训结束后生成讲评。</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="59" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="59" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="59" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="60" />
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="60" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="63" />
        <source>Click an entry to go back to that moment</source>
        <translation>单击条目可回到该时刻</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="65" />
        <source>End the run now</source>
        <translation>立即结束本次培训</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="68" />
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="69" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="72" />
        <source>Progress…</source>
        <translation>培训进度…</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="108" />
        <source>%1 — %2: played %3 of %4; earned %5 of %6 points, penalties %7, acknowledgements %8</source>
        <translation>%1 — %2：已进行 %3／%4；得 %5／%6 分，扣分 %7，告警确认 %8</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="114" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="114" />
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="115" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="115" />
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="116" />
        <source>Instructor</source>
        <translation>教员</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="116" />
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="160" />
        <source>Export the debrief</source>
        <translation>导出讲评</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="167" />
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../ui/i18n.py" line="26" />
        <source>Water meter</source>
        <extracomment>one table for every kind in CONTRACTS; translated in the "DeviceKind" context</extracomment>
        <translation>水表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27" />
        <source>Power meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28" />
        <source>Gas detector</source>
        <translation>燃气探测器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="29" />
        <source>Heat meter</source>
        <translation>热量表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30" />
        <source>Smoke detector</source>
        <translation>烟感探测器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31" />
        <source>Fire hydrant pressure</source>
        <translation>消火栓水压</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32" />
        <source>Sprinkler valve</source>
        <translation>喷淋阀</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="33" />
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="34" />
        <source>Water pump</source>
        <translation>水泵</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="35" />
        <source>Water tank level</source>
        <translation>水箱液位</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="36" />
        <source>Lighting circuit</source>
        <translation>照明回路</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37" />
        <source>Pipe pressure</source>
        <translation>管网压力</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38" />
        <source>Transformer</source>
        <translation>变压器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39" />
        <source>Manhole cover</source>
        <translation>井盖</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40" />
        <source>Door access</source>
        <translation>门禁</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41" />
        <source>Barrier gate</source>
        <translation>道闸</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42" />
        <source>Parking space</source>
        <translation>车位</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43" />
        <source>EV charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="44" />
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="45" />
        <source>Microphone</source>
        <translation>拾音器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46" />
        <source>Panic button</source>
        <translation>紧急按钮</translation>
    </message>
</context>
<context>
    <name>DeviceSearch</name>
    <message>
        <location filename="../../ui/device_search.py" line="34" />
        <source>Search devices by name or id…</source>
        <translation>按名称或编号搜索设备…</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="19" />
        <source>Waiting</source>
        <translation>待派</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="20" />
        <source>Assigned</source>
        <translation>已派</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="21" />
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="22" />
        <source>On the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="23" />
        <source>On site</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="24" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="25" />
        <source>Verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="26" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="27" />
        <source>Rejected</source>
        <translation>已拒单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="28" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="31" />
        <source>Electrical</source>
        <translation>电工</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="32" />
        <source>Plumbing</source>
        <translation>水工</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="33" />
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="34" />
        <source>Fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="35" />
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="36" />
        <source>Security</source>
        <translation>安防</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="37" />
        <source>General</source>
        <translation>综合</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="40" />
        <source>All shifts</source>
        <translation>全部班次</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="41" />
        <source>Day</source>
        <translation>白班</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="42" />
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="43" />
        <source>On call</source>
        <translation>待命</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="46" />
        <source>accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="47" />
        <source>arrive</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="48" />
        <source>resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="52" />
        <source>Walking time (s)</source>
        <extracomment>the cost terms of a suggestion, in the order the dispatcher reads them</extracomment>
        <translation>步行时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="53" />
        <source>Urgency weight</source>
        <translation>紧急权重</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="54" />
        <source>Weighted walking time (s)</source>
        <translation>加权步行时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="55" />
        <source>Open orders</source>
        <translation>在办工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="56" />
        <source>Busy penalty (s)</source>
        <translation>忙碌惩罚（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="57" />
        <source>Old position penalty (s)</source>
        <translation>位置过旧惩罚（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="58" />
        <source>Urgent order bonus (s)</source>
        <translation>紧急工单加成（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="59" />
        <source>Total cost (s)</source>
        <translation>总代价（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="60" />
        <source>Dispatcher's choice</source>
        <translation>调度员指定</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="83" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="84" />
        <source>%1 overdue %2</source>
        <translation>%1超时 %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="104" />
        <source>never reported</source>
        <translation>从未上报</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="105" />
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="106" />
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="131" />
        <source>%1: %2 min away (%3), %4 open order(s), %5</source>
        <translation>%1：步行约 %2 分钟（%3），手上 %4 张工单，%5</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="132" />
        <source>%1 (certified)</source>
        <translation>%1（持证）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="133" />
        <source>; takes the technician from %1</source>
        <translation>；从 %1 调走该技工</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="135" />
        <source>live position</source>
        <translation>实时位置</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="136" />
        <source>last known position</source>
        <translation>最后已知位置</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="138" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="139" />
        <source>(off)</source>
        <translation>（不在班）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="142" />
        <source>Created from %1</source>
        <extracomment>app.dispatch.notes.TEMPLATES, worded for the screen ("suggested" below)</extracomment>
        <translation>由%1生成</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="143" />
        <source>Assigned by hand: %1</source>
        <translation>人工派单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="144" />
        <source>Reassigned to %1: %2</source>
        <translation>改派给 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="145" />
        <source>Not accepted within %1 s</source>
        <translation>%1 秒内未接单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="146" />
        <source>No technician on the roster</source>
        <translation>花名册上没有维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="147" />
        <source>No %1 technician on the roster</source>
        <translation>花名册上没有%1维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="148" />
        <source>No %1 technician on shift</source>
        <translation>没有当班的%1维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="149" />
        <source>Every suitable technician is taken this round; waiting</source>
        <translation>合适的维修人员本轮均已被派；等待中</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="151" />
        <source>Every %1 technician is at full load, unreachable or has rejected it</source>
        <translation>所有%1维修人员均已满负荷、无法到达或已拒单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="153" />
        <source>Read-only source (%1): work orders are recorded but never sent to technicians' handsets</source>
        <translation>只读数据源（%1）：工单只作记录，不会发送到维修人员手机</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="155" />
        <source>Waiting for the server's work orders</source>
        <translation>正在等待服务器的工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="160" />
        <source>an alarm</source>
        <extracomment>the steps the dispatch engine makes itself (orders it creates, deadlines it enforces)</extracomment>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="161" />
        <source>a camera detection</source>
        <translation>摄像机识别</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="162" />
        <source>a resident's report</source>
        <translation>业主报修</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="163" />
        <source>the dispatcher</source>
        <translation>调度员</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <source>Skill</source>
        <translation>工种</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Load</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="82" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="95" />
        <source>Assign automatically</source>
        <translation>自动派单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="96" />
        <source>Send each new order to the suggested technician at once; switch off to decide every assignment yourself</source>
        <translation>新工单立即派给推荐人员；关闭后每次派单由您决定</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="128" />
        <source>Assign to selected technician</source>
        <translation>派给所选人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="131" />
        <source>Reason for overriding the suggestion</source>
        <translation>不采用推荐的原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="132" />
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="133" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="134" />
        <source>Cancel order</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="140" />
        <source>To accept</source>
        <translation>接单时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="140" />
        <source>To arrive</source>
        <translation>到场时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="141" />
        <source>To resolve</source>
        <translation>解决时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="141" />
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="150" />
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="151" />
        <source>Technicians (drop an order on one to assign it)</source>
        <translation>维修人员（把工单拖到人员上即可派单）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="160" />
        <source>Mean response times, from the order's creation</source>
        <translation>平均响应时长（自工单创建起）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="161" />
        <source>Response times</source>
        <translation>响应时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="290" />
        <source>Select a work order and a technician first</source>
        <translation>请先选择工单和维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="305" />
        <source>Override</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="306" />
        <source>Why %1 instead of the suggestion?</source>
        <translation>为什么派给 %1 而不是推荐人员？</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="310" />
        <source>Not assigned: an override needs a reason</source>
        <translation>未派单：改派需要填写原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="319" />
        <source>%1 assigned to %2</source>
        <translation>%1 已派给 %2</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/energy_panel.py" line="71" />
        <source>kWh today</source>
        <translation>今日用电 kWh</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="71" />
        <source>¥ today, all meters</source>
        <translation>今日费用（全部表计）元</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="72" />
        <source>in valley hours</source>
        <translation>谷段占比</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="73" />
        <source>m³ water today</source>
        <translation>今日用水 m³</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="74" />
        <location filename="../../ui/energy_panel.py" line="81" />
        <source>Operations report…</source>
        <extracomment>the same menu for the main window's File menu</extracomment>
        <translation>运营报表…</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="76" />
        <source>Daily (yesterday)</source>
        <translation>日报（昨日）</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="77" />
        <source>Monthly (last month)</source>
        <translation>月报（上月）</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="162" />
        <source>Load today by group (kW); shaded: valley and peak hours</source>
        <translation>今日各分组负荷（kW）；底色：谷段与峰段</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="163" />
        <source>hour</source>
        <translation>时</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="163" />
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="89" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="89" />
        <location filename="../../ui/energy_panel.py" line="91" />
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="89" />
        <location filename="../../ui/energy_panel.py" line="92" />
        <source>¥</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="90" />
        <source>Valley share</source>
        <translation>谷段占比</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="91" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="91" />
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="93" />
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="93" />
        <source>Saving ¥/day</source>
        <translation>每日节省（元）</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="94" />
        <source>Saving</source>
        <translation>节省</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="94" />
        <source>Run in</source>
        <translation>运行时段</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="95" />
        <source>Limits</source>
        <translation>约束</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="102" />
        <source>By equipment group</source>
        <translation>按设备分组</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="103" />
        <source>By building</source>
        <translation>按楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="107" />
        <source>Peak/valley schedule recommendations</source>
        <translation>削峰填谷调度建议</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="128" />
        <source>Waiting for the first aggregation of the meters…</source>
        <translation>正在等待表计首次汇总…</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="191" />
        <source>Fill the tank %1 in cheap hours</source>
        <translation>%1 在低价时段补水</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="193" />
        <source>Shift EV charging (transformer %1)</source>
        <translation>充电桩错峰充电（变压器 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="202" />
        <source>Night flow above its own baseline (possible leak): %1</source>
        <translation>夜间最小流量高于自身基线（疑似漏水）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="207" />
        <source>Unaccounted water yesterday: %1</source>
        <translation>昨日产销差：%1</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="217" />
        <source>Save the operations report</source>
        <translation>保存运营报表</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="218" />
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="225" />
        <source>Writing %1 …</source>
        <translation>正在生成 %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="242" />
        <source>The report could not be written: %1</source>
        <translation>报表生成失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="245" />
        <source>Report written: %1</source>
        <translation>报表已生成：%1</translation>
    </message>
</context>
<context>
    <name>FacadeCalibrator</name>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="44" />
        <source>Facade calibration — %1</source>
        <translation>立面标定 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="46" />
        <source>top-left</source>
        <translation>左上</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="46" />
        <source>top-right</source>
        <translation>右上</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="47" />
        <source>bottom-right</source>
        <translation>右下</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="47" />
        <source>bottom-left</source>
        <translation>左下</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="74" />
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="75" />
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="76" />
        <source>Lowest floor</source>
        <translation>最低楼层</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="80" />
        <source>Reset corners</source>
        <translation>重置角点</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="82" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="84" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="157" />
        <source>Click the facade's %1 corner.</source>
        <translation>请点击立面的%1角。</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="160" />
        <source>These corners do not make a facade: %1</source>
        <translation>这些角点无法构成立面：%1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="163" />
        <source>Check the grid against the windows; drag a corner to correct it, then save.</source>
        <translation>对照窗户检查网格；拖动角点修正后保存。</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="175" />
        <location filename="../../ui/facade_calibrator.py" line="178" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>FloorPicker</name>
    <message>
        <location filename="../../ui/floor_picker.py" line="49" />
        <source>X-ray: open one floor of a building</source>
        <translation>透视：打开楼栋的某一层</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="50" />
        <source>Whole compound</source>
        <translation>整个小区</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="54" />
        <source>Choose a building…</source>
        <translation>选择楼栋…</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="63" />
        <source>Basement %1</source>
        <translation>地下 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="64" />
        <source>Floor %1</source>
        <translation>%1 层</translation>
    </message>
</context>
<context>
    <name>HoverTips</name>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="37" />
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="38" />
        <source>Garage</source>
        <translation>车库</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="39" />
        <source>Substation</source>
        <translation>配电房</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="40" />
        <source>Pump room</source>
        <translation>水泵房</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="41" />
        <source>Gatehouse</source>
        <translation>门卫室</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="42" />
        <source>Clubhouse</source>
        <translation>会所</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="43" />
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="91" />
        <source>Watches %1</source>
        <translation>监视 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="95" />
        <source>Click to open its feed</source>
        <translation>单击打开视频</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="101" />
        <source>Technician %1</source>
        <translation>维修人员 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="113" />
        <source>%1 floors</source>
        <translation>地上 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="115" />
        <source>%1 basements</source>
        <translation>地下 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="122" />
        <source>Under the pointer: %1</source>
        <translation>指针所在：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="124" />
        <source>%1 devices · %2 open alarms</source>
        <translation>%1 台设备 · %2 条未关闭告警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="132" />
        <source>Outdoors</source>
        <translation>室外</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="136" />
        <source>Room %1</source>
        <translation>%1室</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="141" />
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="142" />
        <source>Basement %1</source>
        <translation>地下%1层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="156" />
        <source>last data %1</source>
        <translation>最后数据 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="158" />
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="163" />
        <source>unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="164" />
        <source>Alarm: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="169" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>IngestHealthPanel</name>
    <message>
        <location filename="../../ui/ingest_health.py" line="50" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="50" />
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="50" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="51" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="51" />
        <source>Payload (start)</source>
        <translation>报文（开头）</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="52" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="52" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="53" />
        <source>First topic</source>
        <translation>首次主题</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="53" />
        <source>First payload</source>
        <translation>首条报文</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="54" />
        <source>Rejected messages (last sample per reason)</source>
        <translation>被拒消息（每种原因的最近样本）</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="58" />
        <source>Unknown devices (to register)</source>
        <translation>未登记设备（待登记）</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="61" />
        <source>Register selected device…</source>
        <translation>登记所选设备…</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="63" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="64" />
        <source>Take it off the list: its messages count as from an unknown device</source>
        <translation>从列表移除：其消息计为未知设备</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="97" />
        <source>Messages/s: %1</source>
        <translation>消息/秒：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="99" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="99" />
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="100" />
        <source>Source %1: %2 — %3</source>
        <translation>数据源 %1：%2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="105" />
        <source>Received %1, accepted %2, rejected %3, waiting for birth %4</source>
        <translation>已接收 %1，已接受 %2，已拒绝 %3，等待上线 %4</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../ui/inspector.py" line="88" />
        <source>Click a device in the 3D view, or search above.</source>
        <translation>在三维视图中点击设备，或在上方搜索。</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="109" />
        <source>Back to the overview</source>
        <translation>返回总览</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="135" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="135" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="136" />
        <source>Floor / room</source>
        <translation>楼层 / 房间</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="136" />
        <source>Position (m)</source>
        <translation>坐标（米）</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="137" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="137" />
        <source>Last report</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="151" />
        <source>Point</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="151" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="151" />
        <source>Normal band</source>
        <translation>正常范围</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="212" />
        <source>waiting for readings…</source>
        <translation>等待数据…</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="167" />
        <source>Freeze learned band</source>
        <translation>冻结学习阈值</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="169" />
        <source>The dashed lines are the band learned from this point's history for this hour of the week. Freezing stops learning; the band stays as it is.</source>
        <translation>虚线为根据该测点历史数据学习到的本周此时段正常范围。冻结后停止学习，范围保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="190" />
        <source>Live values</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="193" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="276" />
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="277" />
        <source>Basement %1</source>
        <translation>地下%1层</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="279" />
        <source>Room %1</source>
        <translation>%1室</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="330" />
        <source>Needs attention (%1)</source>
        <translation>需关注设备（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="371" />
        <source>Learning: %1 of %2 readings for this hour</source>
        <translation>学习中：本时段已有 %1 / %2 个读数</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="375" />
        <source>Learned band %1 – %2</source>
        <translation>学习阈值 %1 – %2</translation>
    </message>
</context>
<context>
    <name>InstructorPanel</name>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="60" />
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <location filename="../../ui/training/instructor_panel.py" line="65" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="60" />
        <location filename="../../ui/training/instructor_panel.py" line="65" />
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="60" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="61" />
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="61" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="62" />
        <source>Expected action</source>
        <translation>预期操作</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="62" />
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="62" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="63" />
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <source>By</source>
        <translation>注入者</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="65" />
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="67" />
        <source>Trainee's actions</source>
        <translation>学员操作</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="68" />
        <source>Expected</source>
        <translation>预期操作</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="69" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="70" />
        <source>Notes</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="72" />
        <source>A note on the timeline, at this moment…</source>
        <translation>在时间线上此刻添加批注…</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="74" />
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="100" />
        <source>%1 — trainee %2 — points %3 of %4 due so far</source>
        <translation>%1 — 学员 %2 — 已得 %3 分（截至目前应得 %4 分）</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="116" />
        <source>Rewound: the instructor went back before it</source>
        <translation>已回退：教员跳回到此操作之前</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="134" />
        <source>to come</source>
        <translation>待发生</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../ui/layer_panel.py" line="28" />
        <source>Roads</source>
        <extracomment>site layers offered, in panel order (layer name → source text, translated at display)</extracomment>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="29" />
        <source>Lawns</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="30" />
        <source>Underground garage</source>
        <translation>地下车库</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="31" />
        <source>Parking spaces (occupancy)</source>
        <translation>车位（占用）</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="32" />
        <source>Barrier gates</source>
        <translation>道闸</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="33" />
        <source>EV chargers</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="34" />
        <source>Cameras and their views</source>
        <translation>摄像机及视野</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="35" />
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="38" />
        <source>Water</source>
        <translation>给水</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="39" />
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="40" />
        <source>Heating</source>
        <translation>供暖</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="41" />
        <source>Drainage</source>
        <translation>排水</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="42" />
        <source>Power</source>
        <translation>电力</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="45" />
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="46" />
        <source>Open alarms per floor</source>
        <translation>各层未关闭告警数</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="47" />
        <source>Water use per floor</source>
        <translation>各层用水量</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="83" />
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="84" />
        <source>Pipe networks</source>
        <translation>管网</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="85" />
        <source>Colour floors by</source>
        <translation>楼层着色依据</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="86" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../ui/i18n.py" line="51" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54" />
        <source>Stale</source>
        <translation>数据超时</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56" />
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="39" />
        <source>Sign in — %1</source>
        <translation>登录 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="57" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="58" />
        <source>Setup token</source>
        <translation>初始化令牌</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="59" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="62" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="66" />
        <source>First start: create the administrator…</source>
        <translation>首次启动：创建管理员…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="84" />
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="85" />
        <source>Enter the one-time setup token the server printed at its start, and the administrator's name and password (at least 8 characters of 3 kinds).</source>
        <translation>请输入服务器启动时显示的一次性初始化令牌，以及管理员的用户名和密码（至少 8 位，包含 3 类字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50" />
        <location filename="../../ui/training/watermark.py" line="25" />
        <source>TRAINING</source>
        <translation>培训 TRAINING</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52" />
        <source>DEMO</source>
        <translation>演示 DEMO</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Smart Property Control Room — %1</source>
        <translation>智慧物业控制室 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="32" />
        <source>Device inspector</source>
        <extracomment>the words of this module, translated in the window's own context (listed here so lupdate finds them; ``_tr`` looks them up)</extracomment>
        <translation>设备详情</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>The 3D view is not available on this machine.</source>
        <translation>本机无法显示三维视图。</translation>
    </message>
    <message>
        <location filename="../../ui/console_guard.py" line="26" />
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="33" />
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="34" />
        <source>3D layers</source>
        <translation>三维图层</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="35" />
        <source>Floors</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="36" />
        <source>3D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="37" />
        <source>Active alarms</source>
        <translation>当前告警</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="38" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="39" />
        <source>Data intake</source>
        <translation>数据接入</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="40" />
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="41" />
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="42" />
        <source>Camera wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="43" />
        <source>Video wall</source>
        <translation>监控大屏</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="44" />
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="45" />
        <source>Construction review</source>
        <translation>违建复核</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="21" />
        <source>&amp;File</source>
        <extracomment>the words of this module, translated in the window's own context (listed here so lupdate finds them; ``_tr`` looks them up)</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="22" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="23" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="24" />
        <source>&amp;Reset 3D view</source>
        <translation>重置三维视角(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="25" />
        <source>Device &amp;inspector</source>
        <translation>设备详情(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="26" />
        <source>&amp;Alarms</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="27" />
        <source>&amp;Dispatch</source>
        <translation>调度(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="28" />
        <source>&amp;Camera wall</source>
        <translation>视频墙(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="29" />
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="30" />
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="31" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="32" />
        <source>Takes effect at the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="33" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="34" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="37" />
        <source>&lt;h3&gt;Smart Property Control Room %1&lt;/h3&gt;&lt;p&gt;The control room of a residential compound: the compound in 3D, live devices, alarms and dispatch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;智慧物业控制室 %1&lt;/h3&gt;&lt;p&gt;住宅小区的控制室：三维小区、实时设备、告警与调度。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242" />
        <source>Language saved: %1. It takes effect at the next start.</source>
        <translation>已保存语言：%1，下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="35" />
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <location filename="../../ui/mask_editor.py" line="37" />
        <source>Privacy masks and shield zones — %1</source>
        <translation>隐私遮挡与屏蔽区 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="75" />
        <source>Privacy mask (blacked out at capture)</source>
        <translation>隐私遮挡（采集时即涂黑）</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="76" />
        <source>Shield zone (detections ignored)</source>
        <translation>屏蔽区（不做检测）</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="81" />
        <source>Click to add a vertex; double-click or Enter closes the polygon; click inside one to select it, Delete removes it; Escape drops the one being drawn.</source>
        <translation>单击添加顶点；双击或回车闭合多边形；在多边形内单击选中，Delete 删除；Esc 放弃正在绘制的多边形。</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="86" />
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="89" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="91" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="127" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/operations_common.py" line="19" />
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="20" />
        <source>Public power</source>
        <translation>公共用电</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="21" />
        <source>Main meters</source>
        <translation>总表</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="22" />
        <source>Pumps</source>
        <translation>水泵</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="23" />
        <source>Lighting</source>
        <translation>照明</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="24" />
        <source>Chargers</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="25" />
        <source>Lifts</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="28" />
        <source>Deep valley</source>
        <translation>深谷</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="29" />
        <source>Valley</source>
        <translation>谷</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="30" />
        <source>Flat</source>
        <translation>平</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="31" />
        <source>Peak</source>
        <translation>峰</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="32" />
        <source>Critical peak</source>
        <translation>尖峰</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="39" />
        <source>no plate read</source>
        <extracomment>shading of tariff periods behind load curves (rgba)</extracomment>
        <translation>未识别到车牌</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="40" />
        <source>too short</source>
        <translation>位数不足</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="41" />
        <source>too long</source>
        <translation>位数过多</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="42" />
        <source>unknown province</source>
        <translation>省份简称无效</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="43" />
        <source>impossible character</source>
        <translation>含无效字符</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="44" />
        <source>not a plate format</source>
        <translation>不符合车牌格式</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="45" />
        <source>colour does not match the plate</source>
        <translation>车牌颜色与号码不符</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="48" />
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="49" />
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="50" />
        <source>Charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="51" />
        <source>Paused by car</source>
        <translation>车辆暂停</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="52" />
        <source>Paused by charger</source>
        <translation>充电桩暂停</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="53" />
        <source>Finishing</source>
        <translation>结束中</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="54" />
        <source>Reserved</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="55" />
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="56" />
        <source>Faulted</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="57" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="61" />
        <source>level limits</source>
        <extracomment>Recommendation.notes keys</extracomment>
        <translation>液位范围</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="62" />
        <source>lowest</source>
        <translation>最低</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="63" />
        <source>highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="64" />
        <source>today's level switch</source>
        <translation>现行液位开关</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="65" />
        <source>sessions</source>
        <translation>充电次数</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="66" />
        <source>ready by</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="67" />
        <source>transformer peak now</source>
        <translation>变压器现峰值负载</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="68" />
        <source>planned</source>
        <translation>调度后</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="69" />
        <source>limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="70" />
        <source>not served</source>
        <translation>未满足</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="71" />
        <source>no schedule keeps the limits</source>
        <translation>无可行调度</translation>
    </message>
</context>
<context>
    <name>OperationsPanel</name>
    <message>
        <location filename="../../ui/operations_dock.py" line="22" />
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location filename="../../ui/operations_dock.py" line="23" />
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../ui/operations_dock.py" line="24" />
        <source>Chargers</source>
        <translation>充电桩</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="35" />
        <location filename="../../ui/dispatch_detail.py" line="73" />
        <source>Select a work order</source>
        <translation>请选择工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="46" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="46" />
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="46" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="47" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="53" />
        <source>Why</source>
        <translation>推荐原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="54" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="89" />
        <source>Assigned to %1</source>
        <translation>已派给 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="94" />
        <source>Suggested: %1</source>
        <translation>推荐：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="99" />
        <source>No suggestion yet</source>
        <translation>暂无推荐</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="138" />
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ParkingPanel</name>
    <message>
        <location filename="../../ui/parking_panel.py" line="59" />
        <source>vehicles inside</source>
        <translation>场内车辆</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="60" />
        <source>passes today</source>
        <translation>今日过车</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="61" />
        <source>visitors today</source>
        <translation>今日访客</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="62" />
        <source>manual releases</source>
        <translation>人工放行</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="63" />
        <source>plates flagged</source>
        <translation>车牌异常</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="159" />
        <source>Occupancy: space sensors (solid) and gate count (dashed)</source>
        <translation>车位占用：车位检测器（实线）与道闸计数（虚线）</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="160" />
        <source>hour</source>
        <translation>时</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="160" />
        <source>vehicles</source>
        <translation>辆</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="67" />
        <location filename="../../ui/parking_panel.py" line="81" />
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="67" />
        <source>Spaces</source>
        <translation>车位</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="68" />
        <source>Sensors: taken</source>
        <translation>检测器：已占</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="68" />
        <source>Gates: inside</source>
        <translation>道闸：场内</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="69" />
        <source>Drift</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="69" />
        <source>Plates inside</source>
        <translation>场内车牌</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="70" />
        <source>Residents / visitors</source>
        <translation>业主 / 访客</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="70" />
        <source>Re-based</source>
        <translation>校准时间</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="72" />
        <source>Re-base on the sensors</source>
        <translation>按检测器校准</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="73" />
        <source>Set the zone's gate count to what its space sensors see now (recorded with your name)</source>
        <translation>将该区域的道闸计数校准为车位检测器当前读数（记录操作人）</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="76" />
        <location filename="../../ui/parking_panel.py" line="79" />
        <source>Gate</source>
        <translation>道闸</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="76" />
        <source>Passes today</source>
        <translation>今日过车</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="77" />
        <source>Manual</source>
        <translation>人工放行</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="77" />
        <source>Last pass</source>
        <translation>最近过车</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="78" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="79" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="79" />
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="80" />
        <source>Read as</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="80" />
        <source>Why flagged</source>
        <translation>异常原因</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="81" />
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="82" />
        <source>Entered</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="82" />
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="86" />
        <source>Zones</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="95" />
        <source>Gates</source>
        <translation>道闸</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="96" />
        <source>Flagged plates</source>
        <translation>异常车牌</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="97" />
        <source>Overstays</source>
        <translation>超时停放</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="140" />
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="141" />
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="149" />
        <source>%1 passes counted but not reported</source>
        <translation>控制器计数 %1 次未上报</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="151" />
        <source>silent while others are busy</source>
        <translation>其他道闸繁忙时无上报</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="151" />
        <source>reporting</source>
        <translation>正常上报</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="187" />
        <source>Re-based: the gate count now equals the sensors.</source>
        <translation>已校准：道闸计数与车位检测器一致。</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="188" />
        <source>Not re-based: the zone's sensors have not all reported yet.</source>
        <translation>未校准：该区域车位检测器尚未全部上报。</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <location filename="../../ui/training/player_bar.py" line="58" />
        <source>Inject now</source>
        <translation>立即注入</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="64" />
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="83" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="83" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="88" />
        <source>Seeking…</source>
        <translation>跳转中…</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="90" />
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="92" />
        <source>Playing ×%1 (achieved ×%2)</source>
        <translation>播放 ×%1（实际 ×%2）</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="95" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>Point</name>
    <message>
        <location filename="../../ui/point_names.py" line="9" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="10" />
        <source>Load</source>
        <translation>负载率</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="11" />
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="12" />
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="13" />
        <source>Energy (total)</source>
        <translation>累计电量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="14" />
        <source>Energy charged</source>
        <translation>已充电量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="15" />
        <source>Flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="16" />
        <source>Water (total)</source>
        <translation>累计水量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="17" />
        <source>Heat (total)</source>
        <translation>累计热量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="18" />
        <source>Supply temperature</source>
        <translation>供水温度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="19" />
        <source>Return temperature</source>
        <translation>回水温度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="20" />
        <location filename="../../ui/point_names.py" line="49" />
        <source>Gas concentration</source>
        <translation>可燃气体浓度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="21" />
        <source>Smoke density</source>
        <translation>烟雾浓度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="22" />
        <source>Battery</source>
        <translation>电池电量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="23" />
        <location filename="../../ui/point_names.py" line="24" />
        <source>Pressure</source>
        <translation>压力</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="25" />
        <source>Outlet pressure</source>
        <translation>出口压力</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="26" />
        <source>Vibration</source>
        <translation>振动</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="27" />
        <source>Running</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="28" />
        <source>Level</source>
        <translation>液位</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="29" />
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="30" />
        <source>Switched on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="31" />
        <source>Tilt</source>
        <translation>倾角</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="32" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="33" />
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="34" />
        <source>Forced open</source>
        <translation>强行开启</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="35" />
        <source>Door open</source>
        <translation>门开</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="36" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="37" />
        <source>Car load</source>
        <translation>轿厢载重</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="38" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="39" />
        <source>Occupied</source>
        <translation>占用</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="40" />
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="41" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="42" />
        <source>Sound level</source>
        <translation>声级</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="43" />
        <source>Passes</source>
        <translation>通行次数</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="44" />
        <source>Pressed</source>
        <translation>已按下</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="45" />
        <source>In door zone</source>
        <translation>在平层区</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="46" />
        <source>Runs (total)</source>
        <translation>运行次数（累计）</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="47" />
        <source>Door cycles (total)</source>
        <translation>开关门次数（累计）</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="48" />
        <source>Water level</source>
        <translation>水位</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../ui/training/progress_view.py" line="37" />
        <source>Training progress</source>
        <translation>培训进度</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="45" />
        <source>Every trainee</source>
        <translation>全部学员</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="50" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="50" />
        <location filename="../../ui/training/progress_view.py" line="54" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="51" />
        <location filename="../../ui/training/progress_view.py" line="54" />
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="51" />
        <location filename="../../ui/training/progress_view.py" line="61" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="55" />
        <source>Runs</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="55" />
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="55" />
        <source>Best</source>
        <translation>最好</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="56" />
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="62" />
        <source>Run</source>
        <translation>第几次</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="64" />
        <source>No training result kept yet.</source>
        <translation>尚无培训成绩。</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="67" />
        <source>Trainee:</source>
        <translation>学员：</translation>
    </message>
</context>
<context>
    <name>RegisterDeviceDialog</name>
    <message>
        <location filename="../../ui/register_device.py" line="36" />
        <source>Register device</source>
        <translation>登记设备</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="43" />
        <source>(outside the buildings)</source>
        <translation>（楼栋以外）</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="48" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="56" />
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="57" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="58" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="59" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="60" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/i18n.py" line="62" />
        <source>Security guard</source>
        <extracomment>the roles of app.security.roles, translated in the "Role" context</extracomment>
        <translation>安保员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="63" />
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="64" />
        <source>Dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="65" />
        <source>Supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="66" />
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="67" />
        <source>Instructor</source>
        <translation>培训教员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="68" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="69" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="70" />
        <source>Video wall</source>
        <translation>大屏</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="43" />
        <source>Messages received per second (5 s average)</source>
        <extracomment>the levels shown as chips, in the order an operator scans them</extracomment>
        <translation>每秒接收消息数（5 秒平均）</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="58" />
        <source>Devices: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="72" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="72" />
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="74" />
        <source>server lost</source>
        <translation>服务器连接中断</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="77" />
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="96" />
        <source>alarm sound</source>
        <translation>报警声音</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="97" />
        <source>cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="98" />
        <source>%1 unavailable: %2</source>
        <translation>%1不可用：%2</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="105" />
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="105" />
        <source>MQTT broker</source>
        <translation>MQTT 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106" />
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106" />
        <source>Training</source>
        <translation>培训</translation>
    </message>
</context>
<context>
    <name>TrainingDesk</name>
    <message>
        <location filename="../../ui/training/desk.py" line="31" />
        <source>Training player</source>
        <translation>培训播放器</translation>
    </message>
    <message>
        <location filename="../../ui/training/desk.py" line="32" />
        <source>Instructor</source>
        <translation>教员</translation>
    </message>
    <message>
        <location filename="../../ui/training/desk.py" line="33" />
        <source>Debrief</source>
        <translation>讲评</translation>
    </message>
</context>
<context>
    <name>TrainingWatermark</name>
    <message>
        <location filename="../../ui/training/watermark.py" line="18" />
        <source>Training session: nothing reaches the real compound</source>
        <translation>培训模式：不会影响真实小区</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="114" />
        <source>Console locked</source>
        <translation>控制台已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="121" />
        <source>Locked after %1 minutes without input. %2, enter your password to go on.</source>
        <translation>%1 分钟无操作，已自动锁定。%2，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="126" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="211" />
        <source>NO SIGNAL</source>
        <extracomment>status dot colours: the same green/orange/grey the rest of the control room uses</extracomment>
        <translation>无信号</translation>
    </message>
</context>
<context>
    <name>ViewSearch</name>
    <message>
        <location filename="../../ui/view_search.py" line="35" />
        <source>Find in 3D: id, name or room…</source>
        <translation>在三维中查找：编号、名称或房号…</translation>
    </message>
</context>
<context>
    <name>ViewpointsPanel</name>
    <message>
        <location filename="../../ui/viewpoints.py" line="48" />
        <source>Saved views…</source>
        <translation>已保存视角…</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="49" />
        <location filename="../../ui/viewpoints.py" line="99" />
        <source>Save view</source>
        <translation>保存视角</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="50" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="99" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="74" />
        <location filename="../../ui/wall/kpi_tile.py" line="76" />
        <source>open</source>
        <extracomment>the word after the figure ("7 open", "4,894 online")</extracomment>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="75" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="77" />
        <source>occupied</source>
        <translation>已占用</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="78" />
        <source>used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="82" />
        <location filename="../../ui/wall/words.py" line="31" />
        <source>Open alarms</source>
        <translation>未处理报警</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="83" />
        <source>Devices online</source>
        <translation>设备在线</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="84" />
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="85" />
        <source>Parking occupied</source>
        <translation>车位占用</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="86" />
        <source>Energy today</source>
        <translation>今日能耗</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="50" />
        <source>Critical</source>
        <extracomment>the wall's greys: background, tiles, their edges, text and quieter text alarm colours: red only here abnormal but not an alarm (a breached SLA, a stale feed): amber, always with a word alarm severity (1–4) → colour, shape and word</extracomment>
        <translation>危急</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="51" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="52" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="53" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="11" />
        <source>%1 alarms in %2 minutes</source>
        <translation>%2 分钟内 %1 条报警</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="12" />
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="13" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="14" />
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="15" />
        <source>%1 more alarms waiting</source>
        <translation>另有 %1 条报警排队</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="16" />
        <source>%1 offline</source>
        <translation>%1 台离线</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="17" />
        <source>%1 past SLA</source>
        <translation>%1 张超时</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="18" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="19" />
        <source>%1 unacknowledged</source>
        <translation>%1 条未确认</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="20" />
        <source>%1 vs same weekday</source>
        <translation>比上周同日 %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="21" />
        <source>%1 · by schedule</source>
        <translation>%1 · 按日程</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="22" />
        <source>%1 · chosen by %2 (%3)</source>
        <translation>%1 · %2 控制（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="23" />
        <source>+ %1 more</source>
        <translation>另有 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="24" />
        <source>ACKNOWLEDGED</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="25" />
        <source>ALARM FLOOD</source>
        <translation>报警泛滥</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="26" />
        <source>B%1</source>
        <translation>地下%1层</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="27" />
        <source>Camera: %1</source>
        <translation>摄像机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="28" />
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="29" />
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="30" />
        <source>No open alarms</source>
        <translation>无未处理报警</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="32" />
        <source>STALE</source>
        <translation>停滞</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="33" />
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="34" />
        <source>The compound</source>
        <translation>小区总览</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="35" />
        <source>The wall holds still: work the list at a console.</source>
        <translation>大屏不再逐条切换：请在操作台处理报警列表。</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="36" />
        <source>UNACKNOWLEDGED</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="37" />
        <source>Video wall</source>
        <translation>监控大屏</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="38" />
        <source>all within SLA</source>
        <translation>均未超时</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="39" />
        <source>beyond its limit</source>
        <translation>超出报警限值</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="40" />
        <source>dispatch is not running</source>
        <translation>派单未运行</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="41" />
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="42" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="43" />
        <source>no energy source yet</source>
        <translation>尚无能耗数据源</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="44" />
        <source>no fresh data</source>
        <translation>无最新数据</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="45" />
        <source>no parking source yet</source>
        <translation>尚无停车数据源</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="46" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="47" />
        <source>of %1</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="48" />
        <source>outside its normal band</source>
        <translation>超出正常范围</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="49" />
        <source>stale</source>
        <translation>位置过时</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="50" />
        <source>waiting for data</source>
        <translation>等待数据</translation>
    </message>
</context>
<context>
    <name>WallPanel</name>
    <message>
        <location filename="../../ui/wall/panel.py" line="76" />
        <location filename="../../ui/wall/panel.py" line="149" />
        <source>Take control</source>
        <translation>接管控制</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="78" />
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="83" />
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="88" />
        <source>Follow the schedule</source>
        <translation>按日程</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="95" />
        <source>Show the wall on the other screens</source>
        <translation>在其他屏幕上显示大屏</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="119" />
        <source>Nobody controls the wall: it follows its schedule.</source>
        <translation>无人控制大屏：大屏按日程显示。</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="123" />
        <source>You control the wall (since %1).</source>
        <translation>您正在控制大屏（自 %1 起）。</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="125" />
        <source>%1 controls the wall from %2 (since %3).</source>
        <translation>%1 正在 %2 控制大屏（自 %3 起）。</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="150" />
        <source>%1 controls the wall from %2. Take it over?</source>
        <translation>%1 正在 %2 控制大屏。要接管吗？</translation>
    </message>
</context>
<context>
    <name>WallToolBar</name>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49" />
        <source>1</source>
        <extracomment>layout name -&gt; tile cells (row, column, row span, column span); tile 0 is the main tile</extracomment>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49" />
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49" />
        <source>3×3</source>
        <translation>3×3</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="50" />
        <source>4×4</source>
        <translation>4×4</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="50" />
        <source>1 large + 5</source>
        <translation>1 大 + 5 小</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="55" />
        <source>Wall layout: %1</source>
        <translation>画面布局：%1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="61" />
        <source>Privacy masks…</source>
        <translation>隐私遮挡…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="62" />
        <source>Draw privacy masks and shield zones on the selected camera</source>
        <translation>在所选摄像机上绘制隐私遮挡和屏蔽区</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="65" />
        <source>Facade calibration…</source>
        <translation>立面标定…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="66" />
        <source>Click the facade corners of the selected camera and enter its floors and columns</source>
        <translation>点击所选摄像机画面中的立面角点，并输入层数和列数</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="69" />
        <source>Construction zones…</source>
        <translation>违建监测区域…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="70" />
        <source>Draw the lawns, no-build areas, fire lanes and rooftops watched for illegal construction</source>
        <translation>绘制需监测私搭乱建的绿地、禁建区、消防通道和屋顶</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspaces.py" line="46" />
        <source>Security: cameras and alarms</source>
        <extracomment>panels of one group share a place as tabs; the first listed is in front the share of the window's width / height given to each area (the 3D view keeps the rest); an area without panels takes nothing</extracomment>
        <translation>安保：视频与告警</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="53" />
        <source>Engineering: 3D, alarms and trends</source>
        <translation>工程：三维、告警与趋势</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="60" />
        <source>Dispatch: orders and technicians</source>
        <translation>调度：工单与维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="67" />
        <source>Supervision: everything at a glance</source>
        <translation>值班主管：全局一览</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="75" />
        <source>Operations: energy, parking, chargers</source>
        <translation>运营：能耗、停车、充电</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="81" />
        <source>Audit: the trail of actions</source>
        <translation>审计：操作记录</translation>
    </message>
</context>
<context>
    <name>ZoneEditor</name>
    <message>
        <location filename="../../ui/zone_editor.py" line="37" />
        <source>Green space (lawn)</source>
        <translation>绿地（草坪）</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="38" />
        <source>No-build area</source>
        <translation>禁建区</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="39" />
        <source>Fire lane</source>
        <translation>消防通道</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="40" />
        <source>Rooftop</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="54" />
        <source>Construction zones — %1</source>
        <translation>违建监测区域 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="97" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="100" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="101" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="102" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="103" />
        <source>Alarm after it stays</source>
        <translation>持续多久后报警</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="104" />
        <source>Click to add a vertex; double-click or Enter closes the zone; click inside one to select it, Delete removes it.</source>
        <translation>单击添加顶点；双击或按回车闭合区域；单击区域内部选中，按 Delete 删除。</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="108" />
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="110" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="112" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="117" />
        <source>Zones</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="209" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
</TS>