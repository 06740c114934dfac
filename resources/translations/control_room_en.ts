<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>Alarm</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="16" />
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="17" />
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="18" />
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="19" />
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="23" />
        <source>Unacknowledged</source>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="24" />
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="25" />
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="26" />
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="27" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="31" />
        <source>too high</source>
        <translation>too high</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="32" />
        <source>too low</source>
        <translation>too low</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="33" />
        <source>unusual for this hour</source>
        <translation>unusual for this hour</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="34" />
        <source>changing too fast</source>
        <translation>changing too fast</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="35" />
        <source>abnormal state</source>
        <translation>abnormal state</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="39" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="40" />
        <source>No data from the site</source>
        <translation>No data from the site</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="41" />
        <source>Welfare check (lives alone)</source>
        <translation>Welfare check (lives alone)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="42" />
        <source>Smoke</source>
        <translation>Smoke</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="43" />
        <source>Gas leak</source>
        <translation>Gas leak</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="44" />
        <source>Door forced</source>
        <translation>Door forced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="45" />
        <source>Door held open</source>
        <translation>Door held open</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="46" />
        <source>Manhole cover opened</source>
        <translation>Manhole cover opened</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="47" />
        <source>Manhole cover displaced</source>
        <translation>Manhole cover displaced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="48" />
        <location filename="../../ui/alarm_labels.py" line="49" />
        <source>Panic button</source>
        <translation>Panic button</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="50" />
        <source>Passenger trapped</source>
        <translation>Passenger trapped</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="51" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="52" />
        <source>Trip</source>
        <translation>Trip</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="53" />
        <source>Tampering</source>
        <translation>Tampering</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="54" />
        <source>Gate forced</source>
        <translation>Gate forced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="55" />
        <source>Video loss</source>
        <translation>Video loss</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="56" />
        <source>Camera tampering</source>
        <translation>Camera tampering</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="57" />
        <source>Object thrown from height</source>
        <translation>Object thrown from height</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="58" />
        <source>Illegal construction or encroachment on green space</source>
        <translation>Illegal construction or encroachment on green space</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="60" />
        <source>Camera moved or tampered with</source>
        <translation>Camera moved or tampered with</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="61" />
        <source>Bang heard (located)</source>
        <translation>Bang heard (located)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="62" />
        <source>Impact heard (located)</source>
        <translation>Impact heard (located)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="63" />
        <source>Hiss heard (leak?)</source>
        <translation>Hiss heard (leak?)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="64" />
        <source>Pump running, no pressure</source>
        <translation>Pump running, no pressure</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="65" />
        <source>Elevator stuck</source>
        <translation>Elevator stuck</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="66" />
        <source>Hot under light load</source>
        <translation>Hot under light load</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="68" />
        <source>Lift stopped outside the door zone</source>
        <translation>Lift stopped outside the door zone</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="70" />
        <source>Lift moving with doors open</source>
        <translation>Lift moving with doors open</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="71" />
        <source>Passenger trapped in the lift</source>
        <translation>Passenger trapped in the lift</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="72" />
        <source>Manhole cover off</source>
        <translation>Manhole cover off</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="73" />
        <source>Gate silent</source>
        <translation>Gate silent</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="74" />
        <source>Many manual releases</source>
        <translation>Many manual releases</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="75" />
        <source>Gate not reporting passes</source>
        <translation>Gate not reporting passes</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="76" />
        <source>Vehicles overstaying</source>
        <translation>Vehicles overstaying</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="77" />
        <source>Charger faulted</source>
        <translation>Charger faulted</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="78" />
        <source>Night flow above its baseline (leak?)</source>
        <translation>Night flow above its baseline (leak?)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="79" />
        <source>Unaccounted water</source>
        <translation>Unaccounted water</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="80" />
        <source>Storage cannot keep data</source>
        <translation>Storage cannot keep data</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="236" />
        <source>Site data feed</source>
        <extracomment>what the engine raises alarms on that is not a device of the scene</extracomment>
        <translation>Site data feed</translation>
    </message>
</context>
<context>
    <name>AlarmBoard</name>
    <message>
        <location filename="../../ui/alarm_board.py" line="61" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="61" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="62" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="62" />
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="63" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="63" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="64" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="64" />
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="78" />
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="80" />
        <source>%1 and above</source>
        <translation>%1 and above</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="83" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="84" />
        <source>Unacknowledged</source>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="85" />
        <source>Cleared, to acknowledge</source>
        <translation>Cleared, to acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="87" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="89" />
        <source>All buildings</source>
        <translation>All buildings</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="98" />
        <source>Search device, building, text…</source>
        <translation>Search device, building, text…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="127" />
        <source>Acknowledge (A)</source>
        <translation>Acknowledge (A)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="129" />
        <source>Shelve (S)</source>
        <translation>Shelve (S)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="130" />
        <source>Comment (C)</source>
        <translation>Comment (C)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="132" />
        <source>Silence (M)</source>
        <translation>Silence (M)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="133" />
        <source>Next (N)</source>
        <translation>Next (N)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="156" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="156" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="156" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="157" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="229" />
        <source>shelved</source>
        <translation>shelved</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="230" />
        <source>silenced</source>
        <translation>silenced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="248" />
        <source>%1 open, %2 unacknowledged</source>
        <translation>%1 open, %2 unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="283" />
        <location filename="../../ui/alarm_board.py" line="287" />
        <source>Shelve alarm</source>
        <translation>Shelve alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="284" />
        <source>Shelve for (minutes):</source>
        <translation>Shelve for (minutes):</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="287" />
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="296" />
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="296" />
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>AlarmDetail</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="85" />
        <source>No pass for {minutes} min while the other gates saw {peers}</source>
        <extracomment>what an operations condition says (app.operations.conditions.message "what")</extracomment>
        <translation>No pass for {minutes} min while the other gates saw {peers}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="87" />
        <source>{count} manual releases in the last hour</source>
        <translation>{count} manual releases in the last hour</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="89" />
        <source>{count} passes counted by the controller but not reported</source>
        <translation>{count} passes counted by the controller but not reported</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="91" />
        <source>{count} vehicles over their time: {plates}</source>
        <translation>{count} vehicles over their time: {plates}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="92" />
        <source>Connector faulted: {error}</source>
        <translation>Connector faulted: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="93" />
        <source>Night flow {flow} L/h, usually {baseline} L/h</source>
        <translation>Night flow {flow} L/h, usually {baseline} L/h</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="95" />
        <source>{percent}% of the main's water ({m3} m³) not on the flats' meters</source>
        <translation>{percent}% of the main's water ({m3} m³) not on the flats' meters</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="98" />
        <source>96333 rescue code {code}</source>
        <translation>96333 rescue code {code}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="103" />
        <source>{point} {value} above {threshold}</source>
        <extracomment>app.alarms.messages.TEMPLATES, worded for the screen (placeholders stay in braces)</extracomment>
        <translation>{point} {value} above {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="104" />
        <source>{point} {value} below {threshold}</source>
        <translation>{point} {value} below {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="105" />
        <source>{point}: abnormal state ({value})</source>
        <translation>{point}: abnormal state ({value})</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="106" />
        <source>{point} {value} unusual for this hour (usual {lo}–{hi})</source>
        <translation>{point} {value} unusual for this hour (usual {lo}–{hi})</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="108" />
        <source>{point} changing {rate} per minute</source>
        <translation>{point} changing {rate} per minute</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="109" />
        <source>Device offline</source>
        <translation>Device offline</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="110" />
        <source>No data for too long</source>
        <translation>No data for too long</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="111" />
        <source>No message from any device for {seconds} s</source>
        <translation>No message from any device for {seconds} s</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="113" />
        <source>{unit} {resident}: no water use or door activity for {hours} h</source>
        <translation>{unit} {resident}: no water use or door activity for {hours} h</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="115" />
        <source>Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}</source>
        <translation>Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="117" />
        <source>Storage cannot keep incoming data: {held} messages held unacknowledged, {dropped} dropped ({reason})</source>
        <translation>Storage cannot keep incoming data: {held} messages held unacknowledged, {dropped} dropped ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="167" />
        <source>cause</source>
        <extracomment>keys of an event's data, worded for the screen; others are shown as key=value</extracomment>
        <translation>cause</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="168" />
        <source>degree</source>
        <translation>degree</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="169" />
        <source>floor</source>
        <translation>floor</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="170" />
        <source>column</source>
        <translation>column</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="171" />
        <source>building</source>
        <translation>building</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="172" />
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="173" />
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="174" />
        <source>zone</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="175" />
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="181" />
        <source>covered</source>
        <extracomment>keys that link an event to its record (the construction review), not for reading</extracomment>
        <translation>covered</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="182" />
        <source>moved</source>
        <translation>moved</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="183" />
        <source>blurred</source>
        <translation>blurred</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="185" />
        <source>the picture no longer lines up</source>
        <translation>the picture no longer lines up</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="186" />
        <source>the picture no longer matches</source>
        <translation>the picture no longer matches</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="187" />
        <source>the picture shifted</source>
        <translation>the picture shifted</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="188" />
        <source>the picture turned</source>
        <translation>the picture turned</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="190" />
        <source>transformer overheating</source>
        <translation>transformer overheating</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="191" />
        <source>pump failure</source>
        <translation>pump failure</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="192" />
        <source>lift stuck</source>
        <translation>lift stuck</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="193" />
        <source>passenger trapped</source>
        <translation>passenger trapped</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="194" />
        <source>lift moving with doors open</source>
        <translation>lift moving with doors open</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="195" />
        <source>manhole flooded</source>
        <translation>manhole flooded</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="196" />
        <source>sewer gas</source>
        <translation>sewer gas</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="197" />
        <source>sensor battery low</source>
        <translation>sensor battery low</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="198" />
        <source>smoke alarm</source>
        <translation>smoke alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="199" />
        <source>charger fault</source>
        <translation>charger fault</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="200" />
        <source>barrier fault</source>
        <translation>barrier fault</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="201" />
        <source>pass records lost</source>
        <translation>pass records lost</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="202" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="204" />
        <source>green space</source>
        <translation>green space</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="205" />
        <source>no-build area</source>
        <translation>no-build area</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="206" />
        <source>fire lane</source>
        <translation>fire lane</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="207" />
        <source>rooftop</source>
        <translation>rooftop</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="228" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>AlarmHistory</name>
    <message>
        <location filename="../../ui/alarm_history.py" line="54" />
        <source>Search history…</source>
        <translation>Search history…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="59" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="60" />
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="60" />
        <source>Time to acknowledge</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="61" />
        <source>Time to clear</source>
        <translation>Time to clear</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="61" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="70" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="70" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="70" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="71" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="112" />
        <source>%1 alarms, mean time to acknowledge %2</source>
        <translation>%1 alarms, mean time to acknowledge %2</translation>
    </message>
</context>
<context>
    <name>AlarmTimeline</name>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="20" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="21" />
        <source>Severity raised</source>
        <translation>Severity raised</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="22" />
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="23" />
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="24" />
        <source>Work order</source>
        <translation>Work order</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="25" />
        <source>Shelved</source>
        <translation>Shelved</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="26" />
        <source>Unshelved</source>
        <translation>Unshelved</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="27" />
        <source>Escalated to the supervisor</source>
        <translation>Escalated to the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="28" />
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="29" />
        <source>Active again</source>
        <translation>Active again</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="30" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="32" />
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="35" />
        <source>%1 times</source>
        <extracomment>who the book names for its own steps, and for the dispatch service marking a work order</extracomment>
        <translation>%1 times</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="36" />
        <source>for %1 min</source>
        <translation>for %1 min</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="37" />
        <source>unacknowledged for %1 min</source>
        <translation>unacknowledged for %1 min</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_timeline.py" line="38" />
        <source>shelving expired</source>
        <translation>shelving expired</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/audit_panel.py" line="43" />
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="45" />
        <source>Object (alarm:…, order:…, user:…)</source>
        <translation>Object (alarm:…, order:…, user:…)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="52" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="54" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="59" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="60" />
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="60" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="60" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="95" />
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="107" />
        <source>Export audit trail</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/audit_panel.py" line="110" />
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../../ui/camera_list.py" line="52" />
        <source>drag onto a tile, or double-click for the main tile</source>
        <translation>drag onto a tile, or double-click for the main tile</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../ui/camera_wall.py" line="105" />
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="106" />
        <source>Camera events</source>
        <translation>Camera events</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="304" />
        <source>REPLAY</source>
        <translation>REPLAY</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="343" />
        <source>Export evidence to</source>
        <translation>Export evidence to</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="350" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="352" />
        <source>Evidence exported to %1</source>
        <translation>Evidence exported to %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="29" />
        <source>floor %1</source>
        <translation>floor %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="29" />
        <source>column %1</source>
        <translation>column %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="30" />
        <source>Object thrown from height</source>
        <translation>Object thrown from height</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="31" />
        <source>Video lost</source>
        <translation>Video lost</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="32" />
        <source>Video restored</source>
        <translation>Video restored</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="33" />
        <source>Camera tampering</source>
        <translation>Camera tampering</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="34" />
        <source>Construction or encroachment</source>
        <translation>Construction or encroachment</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="35" />
        <source>Replay clip</source>
        <translation>Replay clip</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="35" />
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="36" />
        <source>Export evidence…</source>
        <translation>Export evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="37" />
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="41" />
        <source>accepted</source>
        <extracomment>a construction change's state (app.vision.construction.records.STATES), as a suffix</extracomment>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="42" />
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../ui/camera_events.py" line="43" />
        <source>sent for enforcement</source>
        <translation>sent for enforcement</translation>
    </message>
</context>
<context>
    <name>ChangeReview</name>
    <message>
        <location filename="../../ui/change_review.py" line="68" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="68" />
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="69" />
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="69" />
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="76" />
        <source>Open only</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="86" />
        <source>Why (required to accept or reject)</source>
        <translation>Why (required to accept or reject)</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="87" />
        <source>Accept (allowed)</source>
        <translation>Accept (allowed)</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="88" />
        <source>Reject (false alarm)</source>
        <translation>Reject (false alarm)</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="89" />
        <source>Dispatch to enforcement</source>
        <translation>Dispatch to enforcement</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="112" />
        <source>Changes are reviewed at a desk of the server: this console does not hold their pictures.</source>
        <translation>Changes are reviewed at a desk of the server: this console does not hold their pictures.</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="115" />
        <source>You may look at changes; deciding on them needs the review permission.</source>
        <translation>You may look at changes; deciding on them needs the review permission.</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="132" />
        <source>late parts: %1</source>
        <translation>late parts: %1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="165" />
        <source>No change selected.</source>
        <translation>No change selected.</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="170" />
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="170" />
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="171" />
        <source>at %1, %2 m in the compound</source>
        <translation>at %1, %2 m in the compound</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="173" />
        <source>place unknown (no ground calibration)</source>
        <translation>place unknown (no ground calibration)</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="176" />
        <source>Confidence %1</source>
        <translation>Confidence %1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="177" />
        <source>no longer seen</source>
        <translation>no longer seen</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="181" />
        <source>Work order %1</source>
        <translation>Work order %1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="183" />
        <source>Late parts after dispatch: %1, the last at %2</source>
        <translation>Late parts after dispatch: %1, the last at %2</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="200" />
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="203" />
        <source>Accepted: absorbed into the camera's reference.</source>
        <translation>Accepted: absorbed into the camera's reference.</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="204" />
        <source>Rejected as a false alarm; kept for tuning.</source>
        <translation>Rejected as a false alarm; kept for tuning.</translation>
    </message>
    <message>
        <location filename="../../ui/change_review.py" line="205" />
        <source>Dispatched; evidence package %1</source>
        <translation>Dispatched; evidence package %1</translation>
    </message>
</context>
<context>
    <name>ChargerPanel</name>
    <message>
        <location filename="../../ui/charger_panel.py" line="43" />
        <source>charging now</source>
        <translation>charging now</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="44" />
        <source>faulted</source>
        <translation>faulted</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="45" />
        <source>sessions today</source>
        <translation>sessions today</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="46" />
        <source>kWh today</source>
        <translation>kWh today</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="47" />
        <source>in valley hours</source>
        <translation>in valley hours</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="48" />
        <source>Charger</source>
        <translation>Charger</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="48" />
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="49" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="49" />
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="49" />
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="50" />
        <source>Session kWh</source>
        <translation>Session kWh</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="50" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/charger_panel.py" line="81" />
        <source>%1 status messages did not validate; last: %2</source>
        <translation>%1 status messages did not validate; last: %2</translation>
    </message>
</context>
<context>
    <name>CommandError</name>
    <message>
        <location filename="../../ui/command_feedback.py" line="22" />
        <source>Not allowed</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="23" />
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="26" />
        <source>Already acknowledged by %1 at %2.</source>
        <translation>Already acknowledged by %1 at %2.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="28" />
        <source>Your role may not do this (%1). Ask a supervisor.</source>
        <translation>Your role may not do this (%1). Ask a supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="30" />
        <source>This is outside the area you look after.</source>
        <translation>This is outside the area you look after.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="31" />
        <source>A trainee acts only in a training session.</source>
        <translation>A trainee acts only in a training session.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="33" />
        <source>The audit trail cannot be written, so nothing was done.</source>
        <translation>The audit trail cannot be written, so nothing was done.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="35" />
        <source>Not connected to the server: nothing was sent.</source>
        <translation>Not connected to the server: nothing was sent.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="37" />
        <source>This alarm no longer exists.</source>
        <translation>This alarm no longer exists.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="38" />
        <source>This work order no longer exists.</source>
        <translation>This work order no longer exists.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="39" />
        <source>The wall is controlled by %1 at %2.</source>
        <translation>The wall is controlled by %1 at %2.</translation>
    </message>
    <message>
        <location filename="../../ui/command_feedback.py" line="40" />
        <source>Take control of the wall first.</source>
        <translation>Take control of the wall first.</translation>
    </message>
</context>
<context>
    <name>CompoundLegend</name>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="18" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="19" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="20" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="21" />
        <source>Critical alarm</source>
        <translation>Critical alarm</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="22" />
        <source>Stale</source>
        <translation>Stale</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="23" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="24" />
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="27" />
        <source>Sensors</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="28" />
        <source>Meters</source>
        <translation>Meters</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="29" />
        <source>Fire and gas safety</source>
        <translation>Fire and gas safety</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="30" />
        <source>Plant and lifts</source>
        <translation>Plant and lifts</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="31" />
        <source>Access and security</source>
        <translation>Access and security</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="33" />
        <source>Device status</source>
        <translation>Device status</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="34" />
        <source>Device type</source>
        <translation>Device type</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../ui/connection_banner.py" line="33" />
        <source>Sign in again…</source>
        <translation>Sign in again…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_banner.py" line="48" />
        <source>The session has ended (signed out, locked or expired). What is shown is as it was at %1; commands are off until you sign in again.</source>
        <translation>The session has ended (signed out, locked or expired). What is shown is as it was at %1; commands are off until you sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/connection_banner.py" line="52" />
        <source>Connection to the server %1 lost. What is shown is as it was at %2; commands are off. Reconnecting…</source>
        <translation>Connection to the server %1 lost. What is shown is as it was at %2; commands are off. Reconnecting…</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="54" />
        <source>The debrief comes when the run ends.</source>
        <translation>The debrief comes when the run ends.</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="59" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="59" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="59" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="60" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="60" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="63" />
        <source>Click an entry to go back to that moment</source>
        <translation>Click an entry to go back to that moment</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="65" />
        <source>End the run now</source>
        <translation>End the run now</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="68" />
        <source>Export HTML…</source>
        <translation>Export HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="69" />
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="72" />
        <source>Progress…</source>
        <translation>Progress…</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="108" />
        <source>%1 — %2: played %3 of %4; earned %5 of %6 points, penalties %7, acknowledgements %8</source>
        <translation>%1 — %2: played %3 of %4; earned %5 of %6 points, penalties %7, acknowledgements %8</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="114" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="114" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="115" />
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="115" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="116" />
        <source>Instructor</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="116" />
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="160" />
        <source>Export the debrief</source>
        <translation>Export the debrief</translation>
    </message>
    <message>
        <location filename="../../ui/training/debrief_view.py" line="167" />
        <source>Not exported</source>
        <translation>Not exported</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../ui/i18n.py" line="26" />
        <source>Water meter</source>
        <extracomment>one table for every kind in CONTRACTS; translated in the "DeviceKind" context</extracomment>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27" />
        <source>Power meter</source>
        <translation>Power meter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28" />
        <source>Gas detector</source>
        <translation>Gas detector</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="29" />
        <source>Heat meter</source>
        <translation>Heat meter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30" />
        <source>Smoke detector</source>
        <translation>Smoke detector</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31" />
        <source>Fire hydrant pressure</source>
        <translation>Fire hydrant pressure</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32" />
        <source>Sprinkler valve</source>
        <translation>Sprinkler valve</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="33" />
        <source>Elevator</source>
        <translation>Elevator</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="34" />
        <source>Water pump</source>
        <translation>Water pump</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="35" />
        <source>Water tank level</source>
        <translation>Water tank level</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="36" />
        <source>Lighting circuit</source>
        <translation>Lighting circuit</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37" />
        <source>Pipe pressure</source>
        <translation>Pipe pressure</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38" />
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39" />
        <source>Manhole cover</source>
        <translation>Manhole cover</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40" />
        <source>Door access</source>
        <translation>Door access</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41" />
        <source>Barrier gate</source>
        <translation>Barrier gate</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42" />
        <source>Parking space</source>
        <translation>Parking space</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43" />
        <source>EV charger</source>
        <translation>EV charger</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="44" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="45" />
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46" />
        <source>Panic button</source>
        <translation>Panic button</translation>
    </message>
</context>
<context>
    <name>DeviceSearch</name>
    <message>
        <location filename="../../ui/device_search.py" line="34" />
        <source>Search devices by name or id…</source>
        <translation>Search devices by name or id…</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="19" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="20" />
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="21" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="22" />
        <source>On the way</source>
        <translation>On the way</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="23" />
        <source>On site</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="24" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="25" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="26" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="27" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="28" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="31" />
        <source>Electrical</source>
        <translation>Electrical</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="32" />
        <source>Plumbing</source>
        <translation>Plumbing</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="33" />
        <source>Elevator</source>
        <translation>Elevator</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="34" />
        <source>Fire</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="35" />
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="36" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="37" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="40" />
        <source>All shifts</source>
        <translation>All shifts</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="41" />
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="42" />
        <source>Night</source>
        <translation>Night</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="43" />
        <source>On call</source>
        <translation>On call</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="46" />
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="47" />
        <source>arrive</source>
        <translation>arrive</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="48" />
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="52" />
        <source>Walking time (s)</source>
        <extracomment>the cost terms of a suggestion, in the order the dispatcher reads them</extracomment>
        <translation>Walking time (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="53" />
        <source>Urgency weight</source>
        <translation>Urgency weight</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="54" />
        <source>Weighted walking time (s)</source>
        <translation>Weighted walking time (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="55" />
        <source>Open orders</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="56" />
        <source>Busy penalty (s)</source>
        <translation>Busy penalty (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="57" />
        <source>Old position penalty (s)</source>
        <translation>Old position penalty (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="58" />
        <source>Urgent order bonus (s)</source>
        <translation>Urgent order bonus (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="59" />
        <source>Total cost (s)</source>
        <translation>Total cost (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="60" />
        <source>Dispatcher's choice</source>
        <translation>Dispatcher's choice</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="83" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="84" />
        <source>%1 overdue %2</source>
        <translation>%1 overdue %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="104" />
        <source>never reported</source>
        <translation>never reported</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="105" />
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="106" />
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="131" />
        <source>%1: %2 min away (%3), %4 open order(s), %5</source>
        <translation>%1: %2 min away (%3), %4 open order(s), %5</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="132" />
        <source>%1 (certified)</source>
        <translation>%1 (certified)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="133" />
        <source>; takes the technician from %1</source>
        <translation>; takes the technician from %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="135" />
        <source>live position</source>
        <translation>live position</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="136" />
        <source>last known position</source>
        <translation>last known position</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="138" />
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="139" />
        <source>(off)</source>
        <translation>(off)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="142" />
        <source>Created from %1</source>
        <extracomment>app.dispatch.notes.TEMPLATES, worded for the screen ("suggested" below)</extracomment>
        <translation>Created from %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="143" />
        <source>Assigned by hand: %1</source>
        <translation>Assigned by hand: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="144" />
        <source>Reassigned to %1: %2</source>
        <translation>Reassigned to %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="145" />
        <source>Not accepted within %1 s</source>
        <translation>Not accepted within %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="146" />
        <source>No technician on the roster</source>
        <translation>No technician on the roster</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="147" />
        <source>No %1 technician on the roster</source>
        <translation>No %1 technician on the roster</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="148" />
        <source>No %1 technician on shift</source>
        <translation>No %1 technician on shift</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="149" />
        <source>Every suitable technician is taken this round; waiting</source>
        <translation>Every suitable technician is taken this round; waiting</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="151" />
        <source>Every %1 technician is at full load, unreachable or has rejected it</source>
        <translation>Every %1 technician is at full load, unreachable or has rejected it</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="153" />
        <source>Read-only source (%1): work orders are recorded but never sent to technicians' handsets</source>
        <translation>Read-only source (%1): work orders are recorded but never sent to technicians' handsets</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="155" />
        <source>Waiting for the server's work orders</source>
        <translation>Waiting for the server's work orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="160" />
        <source>an alarm</source>
        <extracomment>the steps the dispatch engine makes itself (orders it creates, deadlines it enforces)</extracomment>
        <translation>an alarm</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="161" />
        <source>a camera detection</source>
        <translation>a camera detection</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="162" />
        <source>a resident's report</source>
        <translation>a resident's report</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="163" />
        <source>the dispatcher</source>
        <translation>the dispatcher</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="77" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <source>Skill</source>
        <translation>Skill</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="78" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="81" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="82" />
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="95" />
        <source>Assign automatically</source>
        <translation>Assign automatically</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="96" />
        <source>Send each new order to the suggested technician at once; switch off to decide every assignment yourself</source>
        <translation>Send each new order to the suggested technician at once; switch off to decide every assignment yourself</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="128" />
        <source>Assign to selected technician</source>
        <translation>Assign to selected technician</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="131" />
        <source>Reason for overriding the suggestion</source>
        <translation>Reason for overriding the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="132" />
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="133" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="134" />
        <source>Cancel order</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="140" />
        <source>To accept</source>
        <translation>To accept</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="140" />
        <source>To arrive</source>
        <translation>To arrive</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="141" />
        <source>To resolve</source>
        <translation>To resolve</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="141" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="150" />
        <source>Work orders</source>
        <translation>Work orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="151" />
        <source>Technicians (drop an order on one to assign it)</source>
        <translation>Technicians (drop an order on one to assign it)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="160" />
        <source>Mean response times, from the order's creation</source>
        <translation>Mean response times, from the order's creation</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="161" />
        <source>Response times</source>
        <translation>Response times</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="290" />
        <source>Select a work order and a technician first</source>
        <translation>Select a work order and a technician first</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="305" />
        <source>Override</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="306" />
        <source>Why %1 instead of the suggestion?</source>
        <translation>Why %1 instead of the suggestion?</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="310" />
        <source>Not assigned: an override needs a reason</source>
        <translation>Not assigned: an override needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="319" />
        <source>%1 assigned to %2</source>
        <translation>%1 assigned to %2</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/energy_panel.py" line="71" />
        <source>kWh today</source>
        <translation>kWh today</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="71" />
        <source>¥ today, all meters</source>
        <translation>¥ today, all meters</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="72" />
        <source>in valley hours</source>
        <translation>in valley hours</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="73" />
        <source>m³ water today</source>
        <translation>m³ water today</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="74" />
        <location filename="../../ui/energy_panel.py" line="81" />
        <source>Operations report…</source>
        <extracomment>the same menu for the main window's File menu</extracomment>
        <translation>Operations report…</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="76" />
        <source>Daily (yesterday)</source>
        <translation>Daily (yesterday)</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="77" />
        <source>Monthly (last month)</source>
        <translation>Monthly (last month)</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="162" />
        <source>Load today by group (kW); shaded: valley and peak hours</source>
        <translation>Load today by group (kW); shaded: valley and peak hours</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="163" />
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="163" />
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="89" />
        <source>Group</source>
        <translation>Group</translation>
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
        <translation>¥</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="90" />
        <source>Valley share</source>
        <translation>Valley share</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="91" />
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="91" />
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="93" />
        <source>Recommendation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="93" />
        <source>Saving ¥/day</source>
        <translation>Saving ¥/day</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="94" />
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="94" />
        <source>Run in</source>
        <translation>Run in</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="95" />
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="102" />
        <source>By equipment group</source>
        <translation>By equipment group</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="103" />
        <source>By building</source>
        <translation>By building</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="107" />
        <source>Peak/valley schedule recommendations</source>
        <translation>Peak/valley schedule recommendations</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="128" />
        <source>Waiting for the first aggregation of the meters…</source>
        <translation>Waiting for the first aggregation of the meters…</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="191" />
        <source>Fill the tank %1 in cheap hours</source>
        <translation>Fill the tank %1 in cheap hours</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="193" />
        <source>Shift EV charging (transformer %1)</source>
        <translation>Shift EV charging (transformer %1)</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="202" />
        <source>Night flow above its own baseline (possible leak): %1</source>
        <translation>Night flow above its own baseline (possible leak): %1</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="207" />
        <source>Unaccounted water yesterday: %1</source>
        <translation>Unaccounted water yesterday: %1</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="217" />
        <source>Save the operations report</source>
        <translation>Save the operations report</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="218" />
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="225" />
        <source>Writing %1 …</source>
        <translation>Writing %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="242" />
        <source>The report could not be written: %1</source>
        <translation>The report could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/energy_panel.py" line="245" />
        <source>Report written: %1</source>
        <translation>Report written: %1</translation>
    </message>
</context>
<context>
    <name>FacadeCalibrator</name>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="44" />
        <source>Facade calibration — %1</source>
        <translation>Facade calibration — %1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="46" />
        <source>top-left</source>
        <translation>top-left</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="46" />
        <source>top-right</source>
        <translation>top-right</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="47" />
        <source>bottom-right</source>
        <translation>bottom-right</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="47" />
        <source>bottom-left</source>
        <translation>bottom-left</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="74" />
        <source>Floors</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="75" />
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="76" />
        <source>Lowest floor</source>
        <translation>Lowest floor</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="80" />
        <source>Reset corners</source>
        <translation>Reset corners</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="82" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="84" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="157" />
        <source>Click the facade's %1 corner.</source>
        <translation>Click the facade's %1 corner.</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="160" />
        <source>These corners do not make a facade: %1</source>
        <translation>These corners do not make a facade: %1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="163" />
        <source>Check the grid against the windows; drag a corner to correct it, then save.</source>
        <translation>Check the grid against the windows; drag a corner to correct it, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="175" />
        <location filename="../../ui/facade_calibrator.py" line="178" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>FloorPicker</name>
    <message>
        <location filename="../../ui/floor_picker.py" line="49" />
        <source>X-ray: open one floor of a building</source>
        <translation>X-ray: open one floor of a building</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="50" />
        <source>Whole compound</source>
        <translation>Whole compound</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="54" />
        <source>Choose a building…</source>
        <translation>Choose a building…</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="63" />
        <source>Basement %1</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="64" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
</context>
<context>
    <name>HoverTips</name>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="37" />
        <source>Residential</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="38" />
        <source>Garage</source>
        <translation>Garage</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="39" />
        <source>Substation</source>
        <translation>Substation</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="40" />
        <source>Pump room</source>
        <translation>Pump room</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="41" />
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="42" />
        <source>Clubhouse</source>
        <translation>Clubhouse</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="43" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="91" />
        <source>Watches %1</source>
        <translation>Watches %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="95" />
        <source>Click to open its feed</source>
        <translation>Click to open its feed</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="101" />
        <source>Technician %1</source>
        <translation>Technician %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="113" />
        <source>%1 floors</source>
        <translation>%1 floors</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="115" />
        <source>%1 basements</source>
        <translation>%1 basements</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="122" />
        <source>Under the pointer: %1</source>
        <translation>Under the pointer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="124" />
        <source>%1 devices · %2 open alarms</source>
        <translation>%1 devices · %2 open alarms</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="132" />
        <source>Outdoors</source>
        <translation>Outdoors</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="136" />
        <source>Room %1</source>
        <translation>Room %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="141" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="142" />
        <source>Basement %1</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="156" />
        <source>last data %1</source>
        <translation>last data %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="158" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="163" />
        <source>unacknowledged</source>
        <translation>unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="164" />
        <source>Alarm: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="169" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IngestHealthPanel</name>
    <message>
        <location filename="../../ui/ingest_health.py" line="50" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="50" />
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="50" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="51" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="51" />
        <source>Payload (start)</source>
        <translation>Payload (start)</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="52" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="52" />
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="53" />
        <source>First topic</source>
        <translation>First topic</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="53" />
        <source>First payload</source>
        <translation>First payload</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="54" />
        <source>Rejected messages (last sample per reason)</source>
        <translation>Rejected messages (last sample per reason)</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="58" />
        <source>Unknown devices (to register)</source>
        <translation>Unknown devices (to register)</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="61" />
        <source>Register selected device…</source>
        <translation>Register selected device…</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="63" />
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="64" />
        <source>Take it off the list: its messages count as from an unknown device</source>
        <translation>Take it off the list: its messages count as from an unknown device</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="97" />
        <source>Messages/s: %1</source>
        <translation>Messages/s: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="99" />
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="99" />
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="100" />
        <source>Source %1: %2 — %3</source>
        <translation>Source %1: %2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="105" />
        <source>Received %1, accepted %2, rejected %3, waiting for birth %4</source>
        <translation>Received %1, accepted %2, rejected %3, waiting for birth %4</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../ui/inspector.py" line="88" />
        <source>Click a device in the 3D view, or search above.</source>
        <translation>Click a device in the 3D view, or search above.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="109" />
        <source>Back to the overview</source>
        <translation>Back to the overview</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="135" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="135" />
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="136" />
        <source>Floor / room</source>
        <translation>Floor / room</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="136" />
        <source>Position (m)</source>
        <translation>Position (m)</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="137" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="137" />
        <source>Last report</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="151" />
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="151" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="151" />
        <source>Normal band</source>
        <translation>Normal band</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="212" />
        <source>waiting for readings…</source>
        <translation>waiting for readings…</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="167" />
        <source>Freeze learned band</source>
        <translation>Freeze learned band</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="169" />
        <source>The dashed lines are the band learned from this point's history for this hour of the week. Freezing stops learning; the band stays as it is.</source>
        <translation>The dashed lines are the band learned from this point's history for this hour of the week. Freezing stops learning; the band stays as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="190" />
        <source>Live values</source>
        <translation>Live values</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="193" />
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="276" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="277" />
        <source>Basement %1</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="279" />
        <source>Room %1</source>
        <translation>Room %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="330" />
        <source>Needs attention (%1)</source>
        <translation>Needs attention (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="371" />
        <source>Learning: %1 of %2 readings for this hour</source>
        <translation>Learning: %1 of %2 readings for this hour</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="375" />
        <source>Learned band %1 – %2</source>
        <translation>Learned band %1 – %2</translation>
    </message>
</context>
<context>
    <name>InstructorPanel</name>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="60" />
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <location filename="../../ui/training/instructor_panel.py" line="65" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="60" />
        <location filename="../../ui/training/instructor_panel.py" line="65" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="60" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="61" />
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="61" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="62" />
        <source>Expected action</source>
        <translation>Expected action</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="62" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="62" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="63" />
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="64" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="65" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="67" />
        <source>Trainee's actions</source>
        <translation>Trainee's actions</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="68" />
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="69" />
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="70" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="72" />
        <source>A note on the timeline, at this moment…</source>
        <translation>A note on the timeline, at this moment…</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="74" />
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="100" />
        <source>%1 — trainee %2 — points %3 of %4 due so far</source>
        <translation>%1 — trainee %2 — points %3 of %4 due so far</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="116" />
        <source>Rewound: the instructor went back before it</source>
        <translation>Rewound: the instructor went back before it</translation>
    </message>
    <message>
        <location filename="../../ui/training/instructor_panel.py" line="134" />
        <source>to come</source>
        <translation>to come</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../ui/layer_panel.py" line="28" />
        <source>Roads</source>
        <extracomment>site layers offered, in panel order (layer name → source text, translated at display)</extracomment>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="29" />
        <source>Lawns</source>
        <translation>Lawns</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="30" />
        <source>Underground garage</source>
        <translation>Underground garage</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="31" />
        <source>Parking spaces (occupancy)</source>
        <translation>Parking spaces (occupancy)</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="32" />
        <source>Barrier gates</source>
        <translation>Barrier gates</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="33" />
        <source>EV chargers</source>
        <translation>EV chargers</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="34" />
        <source>Cameras and their views</source>
        <translation>Cameras and their views</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="35" />
        <source>Technicians</source>
        <translation>Technicians</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="38" />
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="39" />
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="40" />
        <source>Heating</source>
        <translation>Heating</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="41" />
        <source>Drainage</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="42" />
        <source>Power</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="45" />
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="46" />
        <source>Open alarms per floor</source>
        <translation>Open alarms per floor</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="47" />
        <source>Water use per floor</source>
        <translation>Water use per floor</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="83" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="84" />
        <source>Pipe networks</source>
        <translation>Pipe networks</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="85" />
        <source>Colour floors by</source>
        <translation>Colour floors by</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="86" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../ui/i18n.py" line="51" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54" />
        <source>Stale</source>
        <translation>Stale</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56" />
        <source>No data</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="39" />
        <source>Sign in — %1</source>
        <translation>Sign in — %1</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="57" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="58" />
        <source>Setup token</source>
        <translation>Setup token</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="59" />
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="62" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="66" />
        <source>First start: create the administrator…</source>
        <translation>First start: create the administrator…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="84" />
        <source>Create and sign in</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="85" />
        <source>Enter the one-time setup token the server printed at its start, and the administrator's name and password (at least 8 characters of 3 kinds).</source>
        <translation>Enter the one-time setup token the server printed at its start, and the administrator's name and password (at least 8 characters of 3 kinds).</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92" />
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50" />
        <location filename="../../ui/training/watermark.py" line="25" />
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52" />
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Smart Property Control Room — %1</source>
        <translation>Smart Property Control Room — %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="32" />
        <source>Device inspector</source>
        <extracomment>the words of this module, translated in the window's own context (listed here so lupdate finds them; ``_tr`` looks them up)</extracomment>
        <translation>Device inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>The 3D view is not available on this machine.</source>
        <translation>The 3D view is not available on this machine.</translation>
    </message>
    <message>
        <location filename="../../ui/console_guard.py" line="26" />
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="33" />
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="34" />
        <source>3D layers</source>
        <translation>3D layers</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="35" />
        <source>Floors</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="36" />
        <source>3D view</source>
        <translation>3D view</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="37" />
        <source>Active alarms</source>
        <translation>Active alarms</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="38" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="39" />
        <source>Data intake</source>
        <translation>Data intake</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="40" />
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="41" />
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="42" />
        <source>Camera wall</source>
        <translation>Camera wall</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="43" />
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="44" />
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panels.py" line="45" />
        <source>Construction review</source>
        <translation>Construction review</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="21" />
        <source>&amp;File</source>
        <extracomment>the words of this module, translated in the window's own context (listed here so lupdate finds them; ``_tr`` looks them up)</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="22" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="23" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="24" />
        <source>&amp;Reset 3D view</source>
        <translation>&amp;Reset 3D view</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="25" />
        <source>Device &amp;inspector</source>
        <translation>Device &amp;inspector</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="26" />
        <source>&amp;Alarms</source>
        <translation>&amp;Alarms</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="27" />
        <source>&amp;Dispatch</source>
        <translation>&amp;Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="28" />
        <source>&amp;Camera wall</source>
        <translation>&amp;Camera wall</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="29" />
        <source>&amp;Workspace</source>
        <translation>&amp;Workspace</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="30" />
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="31" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="32" />
        <source>Takes effect at the next start</source>
        <translation>Takes effect at the next start</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="33" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="34" />
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="37" />
        <source>&lt;h3&gt;Smart Property Control Room %1&lt;/h3&gt;&lt;p&gt;The control room of a residential compound: the compound in 3D, live devices, alarms and dispatch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Smart Property Control Room %1&lt;/h3&gt;&lt;p&gt;The control room of a residential compound: the compound in 3D, live devices, alarms and dispatch.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242" />
        <source>Language saved: %1. It takes effect at the next start.</source>
        <translation>Language saved: %1. It takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="35" />
        <source>About</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <location filename="../../ui/mask_editor.py" line="37" />
        <source>Privacy masks and shield zones — %1</source>
        <translation>Privacy masks and shield zones — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="75" />
        <source>Privacy mask (blacked out at capture)</source>
        <translation>Privacy mask (blacked out at capture)</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="76" />
        <source>Shield zone (detections ignored)</source>
        <translation>Shield zone (detections ignored)</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="81" />
        <source>Click to add a vertex; double-click or Enter closes the polygon; click inside one to select it, Delete removes it; Escape drops the one being drawn.</source>
        <translation>Click to add a vertex; double-click or Enter closes the polygon; click inside one to select it, Delete removes it; Escape drops the one being drawn.</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="86" />
        <source>Delete selected</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="89" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="91" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="127" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/operations_common.py" line="19" />
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="20" />
        <source>Public power</source>
        <translation>Public power</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="21" />
        <source>Main meters</source>
        <translation>Main meters</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="22" />
        <source>Pumps</source>
        <translation>Pumps</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="23" />
        <source>Lighting</source>
        <translation>Lighting</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="24" />
        <source>Chargers</source>
        <translation>Chargers</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="25" />
        <source>Lifts</source>
        <translation>Lifts</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="28" />
        <source>Deep valley</source>
        <translation>Deep valley</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="29" />
        <source>Valley</source>
        <translation>Valley</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="30" />
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="31" />
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="32" />
        <source>Critical peak</source>
        <translation>Critical peak</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="39" />
        <source>no plate read</source>
        <extracomment>shading of tariff periods behind load curves (rgba)</extracomment>
        <translation>no plate read</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="40" />
        <source>too short</source>
        <translation>too short</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="41" />
        <source>too long</source>
        <translation>too long</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="42" />
        <source>unknown province</source>
        <translation>unknown province</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="43" />
        <source>impossible character</source>
        <translation>impossible character</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="44" />
        <source>not a plate format</source>
        <translation>not a plate format</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="45" />
        <source>colour does not match the plate</source>
        <translation>colour does not match the plate</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="48" />
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="49" />
        <source>Preparing</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="50" />
        <source>Charging</source>
        <translation>Charging</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="51" />
        <source>Paused by car</source>
        <translation>Paused by car</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="52" />
        <source>Paused by charger</source>
        <translation>Paused by charger</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="53" />
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="54" />
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="55" />
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="56" />
        <source>Faulted</source>
        <translation>Faulted</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="57" />
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="61" />
        <source>level limits</source>
        <extracomment>Recommendation.notes keys</extracomment>
        <translation>level limits</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="62" />
        <source>lowest</source>
        <translation>lowest</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="63" />
        <source>highest</source>
        <translation>highest</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="64" />
        <source>today's level switch</source>
        <translation>today's level switch</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="65" />
        <source>sessions</source>
        <translation>sessions</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="66" />
        <source>ready by</source>
        <translation>ready by</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="67" />
        <source>transformer peak now</source>
        <translation>transformer peak now</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="68" />
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="69" />
        <source>limit</source>
        <translation>limit</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="70" />
        <source>not served</source>
        <translation>not served</translation>
    </message>
    <message>
        <location filename="../../ui/operations_common.py" line="71" />
        <source>no schedule keeps the limits</source>
        <translation>no schedule keeps the limits</translation>
    </message>
</context>
<context>
    <name>OperationsPanel</name>
    <message>
        <location filename="../../ui/operations_dock.py" line="22" />
        <source>Energy</source>
        <translation>Energy</translation>
    </message>
    <message>
        <location filename="../../ui/operations_dock.py" line="23" />
        <source>Parking</source>
        <translation>Parking</translation>
    </message>
    <message>
        <location filename="../../ui/operations_dock.py" line="24" />
        <source>Chargers</source>
        <translation>Chargers</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="35" />
        <location filename="../../ui/dispatch_detail.py" line="73" />
        <source>Select a work order</source>
        <translation>Select a work order</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="46" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="46" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="46" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="47" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="53" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="54" />
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="89" />
        <source>Assigned to %1</source>
        <translation>Assigned to %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="94" />
        <source>Suggested: %1</source>
        <translation>Suggested: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="99" />
        <source>No suggestion yet</source>
        <translation>No suggestion yet</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="138" />
        <source>note</source>
        <translation>note</translation>
    </message>
</context>
<context>
    <name>ParkingPanel</name>
    <message>
        <location filename="../../ui/parking_panel.py" line="59" />
        <source>vehicles inside</source>
        <translation>vehicles inside</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="60" />
        <source>passes today</source>
        <translation>passes today</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="61" />
        <source>visitors today</source>
        <translation>visitors today</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="62" />
        <source>manual releases</source>
        <translation>manual releases</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="63" />
        <source>plates flagged</source>
        <translation>plates flagged</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="159" />
        <source>Occupancy: space sensors (solid) and gate count (dashed)</source>
        <translation>Occupancy: space sensors (solid) and gate count (dashed)</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="160" />
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="160" />
        <source>vehicles</source>
        <translation>vehicles</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="67" />
        <location filename="../../ui/parking_panel.py" line="81" />
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="67" />
        <source>Spaces</source>
        <translation>Spaces</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="68" />
        <source>Sensors: taken</source>
        <translation>Sensors: taken</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="68" />
        <source>Gates: inside</source>
        <translation>Gates: inside</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="69" />
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="69" />
        <source>Plates inside</source>
        <translation>Plates inside</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="70" />
        <source>Residents / visitors</source>
        <translation>Residents / visitors</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="70" />
        <source>Re-based</source>
        <translation>Re-based</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="72" />
        <source>Re-base on the sensors</source>
        <translation>Re-base on the sensors</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="73" />
        <source>Set the zone's gate count to what its space sensors see now (recorded with your name)</source>
        <translation>Set the zone's gate count to what its space sensors see now (recorded with your name)</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="76" />
        <location filename="../../ui/parking_panel.py" line="79" />
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="76" />
        <source>Passes today</source>
        <translation>Passes today</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="77" />
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="77" />
        <source>Last pass</source>
        <translation>Last pass</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="78" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="79" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="79" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="80" />
        <source>Read as</source>
        <translation>Read as</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="80" />
        <source>Why flagged</source>
        <translation>Why flagged</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="81" />
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="82" />
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="82" />
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="86" />
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="95" />
        <source>Gates</source>
        <translation>Gates</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="96" />
        <source>Flagged plates</source>
        <translation>Flagged plates</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="97" />
        <source>Overstays</source>
        <translation>Overstays</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="140" />
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="141" />
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="149" />
        <source>%1 passes counted but not reported</source>
        <translation>%1 passes counted but not reported</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="151" />
        <source>silent while others are busy</source>
        <translation>silent while others are busy</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="151" />
        <source>reporting</source>
        <translation>reporting</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="187" />
        <source>Re-based: the gate count now equals the sensors.</source>
        <translation>Re-based: the gate count now equals the sensors.</translation>
    </message>
    <message>
        <location filename="../../ui/parking_panel.py" line="188" />
        <source>Not re-based: the zone's sensors have not all reported yet.</source>
        <translation>Not re-based: the zone's sensors have not all reported yet.</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <location filename="../../ui/training/player_bar.py" line="58" />
        <source>Inject now</source>
        <translation>Inject now</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="64" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="83" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="83" />
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="88" />
        <source>Seeking…</source>
        <translation>Seeking…</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="90" />
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="92" />
        <source>Playing ×%1 (achieved ×%2)</source>
        <translation>Playing ×%1 (achieved ×%2)</translation>
    </message>
    <message>
        <location filename="../../ui/training/player_bar.py" line="95" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
</context>
<context>
    <name>Point</name>
    <message>
        <location filename="../../ui/point_names.py" line="9" />
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="10" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="11" />
        <source>Voltage</source>
        <translation>Voltage</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="12" />
        <source>Power</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="13" />
        <source>Energy (total)</source>
        <translation>Energy (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="14" />
        <source>Energy charged</source>
        <translation>Energy charged</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="15" />
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="16" />
        <source>Water (total)</source>
        <translation>Water (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="17" />
        <source>Heat (total)</source>
        <translation>Heat (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="18" />
        <source>Supply temperature</source>
        <translation>Supply temperature</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="19" />
        <source>Return temperature</source>
        <translation>Return temperature</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="20" />
        <location filename="../../ui/point_names.py" line="49" />
        <source>Gas concentration</source>
        <translation>Gas concentration</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="21" />
        <source>Smoke density</source>
        <translation>Smoke density</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="22" />
        <source>Battery</source>
        <translation>Battery</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="23" />
        <location filename="../../ui/point_names.py" line="24" />
        <source>Pressure</source>
        <translation>Pressure</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="25" />
        <source>Outlet pressure</source>
        <translation>Outlet pressure</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="26" />
        <source>Vibration</source>
        <translation>Vibration</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="27" />
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="28" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="29" />
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="30" />
        <source>Switched on</source>
        <translation>Switched on</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="31" />
        <source>Tilt</source>
        <translation>Tilt</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="32" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="33" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="34" />
        <source>Forced open</source>
        <translation>Forced open</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="35" />
        <source>Door open</source>
        <translation>Door open</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="36" />
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="37" />
        <source>Car load</source>
        <translation>Car load</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="38" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="39" />
        <source>Occupied</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="40" />
        <source>Frame rate</source>
        <translation>Frame rate</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="41" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="42" />
        <source>Sound level</source>
        <translation>Sound level</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="43" />
        <source>Passes</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="44" />
        <source>Pressed</source>
        <translation>Pressed</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="45" />
        <source>In door zone</source>
        <translation>In door zone</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="46" />
        <source>Runs (total)</source>
        <translation>Runs (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="47" />
        <source>Door cycles (total)</source>
        <translation>Door cycles (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="48" />
        <source>Water level</source>
        <translation>Water level</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../ui/training/progress_view.py" line="37" />
        <source>Training progress</source>
        <translation>Training progress</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="45" />
        <source>Every trainee</source>
        <translation>Every trainee</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="50" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="50" />
        <location filename="../../ui/training/progress_view.py" line="54" />
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="51" />
        <location filename="../../ui/training/progress_view.py" line="54" />
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="51" />
        <location filename="../../ui/training/progress_view.py" line="61" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="55" />
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="55" />
        <source>First</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="55" />
        <source>Best</source>
        <translation>Best</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="56" />
        <source>Last</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="62" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="64" />
        <source>No training result kept yet.</source>
        <translation>No training result kept yet.</translation>
    </message>
    <message>
        <location filename="../../ui/training/progress_view.py" line="67" />
        <source>Trainee:</source>
        <translation>Trainee:</translation>
    </message>
</context>
<context>
    <name>RegisterDeviceDialog</name>
    <message>
        <location filename="../../ui/register_device.py" line="36" />
        <source>Register device</source>
        <translation>Register device</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="43" />
        <source>(outside the buildings)</source>
        <translation>(outside the buildings)</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="48" />
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="56" />
        <source>Device id</source>
        <translation>Device id</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="57" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="58" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="59" />
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/register_device.py" line="60" />
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/i18n.py" line="62" />
        <source>Security guard</source>
        <extracomment>the roles of app.security.roles, translated in the "Role" context</extracomment>
        <translation>Security guard</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="63" />
        <source>Engineer</source>
        <translation>Engineer</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="64" />
        <source>Dispatcher</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="65" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="66" />
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="67" />
        <source>Instructor</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="68" />
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="69" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="70" />
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="43" />
        <source>Messages received per second (5 s average)</source>
        <extracomment>the levels shown as chips, in the order an operator scans them</extracomment>
        <translation>Messages received per second (5 s average)</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="58" />
        <source>Devices: %1</source>
        <translation>Devices: %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="72" />
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="72" />
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="74" />
        <source>server lost</source>
        <translation>server lost</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="77" />
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="96" />
        <source>alarm sound</source>
        <translation>alarm sound</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="97" />
        <source>cameras</source>
        <translation>cameras</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="98" />
        <source>%1 unavailable: %2</source>
        <translation>%1 unavailable: %2</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="105" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="105" />
        <source>MQTT broker</source>
        <translation>MQTT broker</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106" />
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
</context>
<context>
    <name>TrainingDesk</name>
    <message>
        <location filename="../../ui/training/desk.py" line="31" />
        <source>Training player</source>
        <translation>Training player</translation>
    </message>
    <message>
        <location filename="../../ui/training/desk.py" line="32" />
        <source>Instructor</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <location filename="../../ui/training/desk.py" line="33" />
        <source>Debrief</source>
        <translation>Debrief</translation>
    </message>
</context>
<context>
    <name>TrainingWatermark</name>
    <message>
        <location filename="../../ui/training/watermark.py" line="18" />
        <source>Training session: nothing reaches the real compound</source>
        <translation>Training session: nothing reaches the real compound</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="114" />
        <source>Console locked</source>
        <translation>Console locked</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="121" />
        <source>Locked after %1 minutes without input. %2, enter your password to go on.</source>
        <translation>Locked after %1 minutes without input. %2, enter your password to go on.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="126" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="211" />
        <source>NO SIGNAL</source>
        <extracomment>status dot colours: the same green/orange/grey the rest of the control room uses</extracomment>
        <translation>NO SIGNAL</translation>
    </message>
</context>
<context>
    <name>ViewSearch</name>
    <message>
        <location filename="../../ui/view_search.py" line="35" />
        <source>Find in 3D: id, name or room…</source>
        <translation>Find in 3D: id, name or room…</translation>
    </message>
</context>
<context>
    <name>ViewpointsPanel</name>
    <message>
        <location filename="../../ui/viewpoints.py" line="48" />
        <source>Saved views…</source>
        <translation>Saved views…</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="49" />
        <location filename="../../ui/viewpoints.py" line="99" />
        <source>Save view</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="50" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="99" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="74" />
        <location filename="../../ui/wall/kpi_tile.py" line="76" />
        <source>open</source>
        <extracomment>the word after the figure ("7 open", "4,894 online")</extracomment>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="75" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="77" />
        <source>occupied</source>
        <translation>occupied</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="78" />
        <source>used</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="82" />
        <location filename="../../ui/wall/words.py" line="31" />
        <source>Open alarms</source>
        <translation>Open alarms</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="83" />
        <source>Devices online</source>
        <translation>Devices online</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="84" />
        <source>Work orders</source>
        <translation>Work orders</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="85" />
        <source>Parking occupied</source>
        <translation>Parking occupied</translation>
    </message>
    <message>
        <location filename="../../ui/wall/kpi_tile.py" line="86" />
        <source>Energy today</source>
        <translation>Energy today</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="50" />
        <source>Critical</source>
        <extracomment>the wall's greys: background, tiles, their edges, text and quieter text alarm colours: red only here abnormal but not an alarm (a breached SLA, a stale feed): amber, always with a word alarm severity (1–4) → colour, shape and word</extracomment>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="51" />
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="52" />
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../ui/wall/theme.py" line="53" />
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="11" />
        <source>%1 alarms in %2 minutes</source>
        <translation>%1 alarms in %2 minutes</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="12" />
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="13" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="14" />
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="15" />
        <source>%1 more alarms waiting</source>
        <translation>%1 more alarms waiting</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="16" />
        <source>%1 offline</source>
        <translation>%1 offline</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="17" />
        <source>%1 past SLA</source>
        <translation>%1 past SLA</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="18" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="19" />
        <source>%1 unacknowledged</source>
        <translation>%1 unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="20" />
        <source>%1 vs same weekday</source>
        <translation>%1 vs same weekday</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="21" />
        <source>%1 · by schedule</source>
        <translation>%1 · by schedule</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="22" />
        <source>%1 · chosen by %2 (%3)</source>
        <translation>%1 · chosen by %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="23" />
        <source>+ %1 more</source>
        <translation>+ %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="24" />
        <source>ACKNOWLEDGED</source>
        <translation>ACKNOWLEDGED</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="25" />
        <source>ALARM FLOOD</source>
        <translation>ALARM FLOOD</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="26" />
        <source>B%1</source>
        <translation>B%1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="27" />
        <source>Camera: %1</source>
        <translation>Camera: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="28" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="29" />
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="30" />
        <source>No open alarms</source>
        <translation>No open alarms</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="32" />
        <source>STALE</source>
        <translation>STALE</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="33" />
        <source>Technicians</source>
        <translation>Technicians</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="34" />
        <source>The compound</source>
        <translation>The compound</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="35" />
        <source>The wall holds still: work the list at a console.</source>
        <translation>The wall holds still: work the list at a console.</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="36" />
        <source>UNACKNOWLEDGED</source>
        <translation>UNACKNOWLEDGED</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="37" />
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="38" />
        <source>all within SLA</source>
        <translation>all within SLA</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="39" />
        <source>beyond its limit</source>
        <translation>beyond its limit</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="40" />
        <source>dispatch is not running</source>
        <translation>dispatch is not running</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="41" />
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="42" />
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="43" />
        <source>no energy source yet</source>
        <translation>no energy source yet</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="44" />
        <source>no fresh data</source>
        <translation>no fresh data</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="45" />
        <source>no parking source yet</source>
        <translation>no parking source yet</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="46" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="47" />
        <source>of %1</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="48" />
        <source>outside its normal band</source>
        <translation>outside its normal band</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="49" />
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <location filename="../../ui/wall/words.py" line="50" />
        <source>waiting for data</source>
        <translation>waiting for data</translation>
    </message>
</context>
<context>
    <name>WallPanel</name>
    <message>
        <location filename="../../ui/wall/panel.py" line="76" />
        <location filename="../../ui/wall/panel.py" line="149" />
        <source>Take control</source>
        <translation>Take control</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="78" />
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="83" />
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="88" />
        <source>Follow the schedule</source>
        <translation>Follow the schedule</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="95" />
        <source>Show the wall on the other screens</source>
        <translation>Show the wall on the other screens</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="119" />
        <source>Nobody controls the wall: it follows its schedule.</source>
        <translation>Nobody controls the wall: it follows its schedule.</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="123" />
        <source>You control the wall (since %1).</source>
        <translation>You control the wall (since %1).</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="125" />
        <source>%1 controls the wall from %2 (since %3).</source>
        <translation>%1 controls the wall from %2 (since %3).</translation>
    </message>
    <message>
        <location filename="../../ui/wall/panel.py" line="150" />
        <source>%1 controls the wall from %2. Take it over?</source>
        <translation>%1 controls the wall from %2. Take it over?</translation>
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
        <translation>1 large + 5</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="55" />
        <source>Wall layout: %1</source>
        <translation>Wall layout: %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="61" />
        <source>Privacy masks…</source>
        <translation>Privacy masks…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="62" />
        <source>Draw privacy masks and shield zones on the selected camera</source>
        <translation>Draw privacy masks and shield zones on the selected camera</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="65" />
        <source>Facade calibration…</source>
        <translation>Facade calibration…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="66" />
        <source>Click the facade corners of the selected camera and enter its floors and columns</source>
        <translation>Click the facade corners of the selected camera and enter its floors and columns</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="69" />
        <source>Construction zones…</source>
        <translation>Construction zones…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="70" />
        <source>Draw the lawns, no-build areas, fire lanes and rooftops watched for illegal construction</source>
        <translation>Draw the lawns, no-build areas, fire lanes and rooftops watched for illegal construction</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspaces.py" line="46" />
        <source>Security: cameras and alarms</source>
        <extracomment>panels of one group share a place as tabs; the first listed is in front the share of the window's width / height given to each area (the 3D view keeps the rest); an area without panels takes nothing</extracomment>
        <translation>Security: cameras and alarms</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="53" />
        <source>Engineering: 3D, alarms and trends</source>
        <translation>Engineering: 3D, alarms and trends</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="60" />
        <source>Dispatch: orders and technicians</source>
        <translation>Dispatch: orders and technicians</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="67" />
        <source>Supervision: everything at a glance</source>
        <translation>Supervision: everything at a glance</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="75" />
        <source>Operations: energy, parking, chargers</source>
        <translation>Operations: energy, parking, chargers</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="81" />
        <source>Audit: the trail of actions</source>
        <translation>Audit: the trail of actions</translation>
    </message>
</context>
<context>
    <name>ZoneEditor</name>
    <message>
        <location filename="../../ui/zone_editor.py" line="37" />
        <source>Green space (lawn)</source>
        <translation>Green space (lawn)</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="38" />
        <source>No-build area</source>
        <translation>No-build area</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="39" />
        <source>Fire lane</source>
        <translation>Fire lane</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="40" />
        <source>Rooftop</source>
        <translation>Rooftop</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="54" />
        <source>Construction zones — %1</source>
        <translation>Construction zones — %1</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="97" />
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="100" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="101" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="102" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="103" />
        <source>Alarm after it stays</source>
        <translation>Alarm after it stays</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="104" />
        <source>Click to add a vertex; double-click or Enter closes the zone; click inside one to select it, Delete removes it.</source>
        <translation>Click to add a vertex; double-click or Enter closes the zone; click inside one to select it, Delete removes it.</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="108" />
        <source>Delete selected</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="110" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="112" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="117" />
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../../ui/zone_editor.py" line="209" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
</TS>