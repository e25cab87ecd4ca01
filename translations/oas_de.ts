<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="146"/>
        <source>The version of the configuration format (1.00-1.06); fields newer than it are errors.</source>
        <translation>Die Version des Konfigurationsformats (1.00-1.06); neuere Felder sind Fehler.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="147"/>
        <source>full: export every row. delta: only the changes since the reference file. delta-or-full: a delta when a usable reference file exists, else a full export.</source>
        <translation>full: jede Zeile exportieren. delta: nur die Änderungen seit der Referenzdatei. delta-or-full: ein Delta, wenn eine brauchbare Referenzdatei existiert, sonst ein vollständiger Export.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="148"/>
        <source>The attributes to export, by abbreviation, in the order of the records.</source>
        <translation>Die zu exportierenden Attribute, als Kürzel, in der Reihenfolge der Datensätze.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="149"/>
        <source>The attributes that identify a row for delta exports; a changed key is a delete and an add.</source>
        <translation>Die Attribute, die eine Zeile für Delta-Exporte kennzeichnen; ein geänderter Schlüssel ist ein Löschen und ein Hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="150"/>
        <source>Attributes kept in the reference file and written with delete records.</source>
        <translation>Attribute, die in der Referenzdatei gespeichert und mit Lösch-Datensätzen geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="151"/>
        <source>The table, or tables and joins, the export reads.</source>
        <translation>Die Tabelle oder die Tabellen und Joins, die der Export liest.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="152"/>
        <source>A fixed condition for the exported rows; abbreviations may stand for columns.</source>
        <translation>Eine feste Bedingung für die exportierten Zeilen; Kürzel können für Spalten stehen.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="153"/>
        <source>At most this many rows are exported.</source>
        <translation>Höchstens so viele Zeilen werden exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="154"/>
        <source>The folder of the delta reference files.</source>
        <translation>Der Ordner der Delta-Referenzdateien.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="155"/>
        <source>Written by the agent: the reference file of the last export.</source>
        <translation>Vom Agenten geschrieben: die Referenzdatei des letzten Exports.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="156"/>
        <source>How each key compares: Integer, Numeric, CaseIgnore or CaseSensitive.</source>
        <translation>Wie jeder Schlüssel verglichen wird: Integer, Numeric, CaseIgnore oder CaseSensitive.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="157"/>
        <source>The table the import writes, or a join whose first table takes inserts and deletes.</source>
        <translation>Die Tabelle, in die der Import schreibt, oder ein Join, dessen erste Tabelle Einfügungen und Löschungen erhält.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="158"/>
        <source>How a record finds its row: abbreviations joined by &amp; (and), | (or), ! (not).</source>
        <translation>Wie ein Datensatz seine Zeile findet: Kürzel verbunden mit &amp; (und), | (oder), ! (nicht).</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="159"/>
        <source>The attributes an import may change in an existing row.</source>
        <translation>Die Attribute, die ein Import in einer bestehenden Zeile ändern darf.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="160"/>
        <source>TRUE (default): a record whose row is missing creates it.</source>
        <translation>TRUE (Standard): ein Datensatz, dessen Zeile fehlt, legt sie an.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="161"/>
        <source>The file that receives the records that could not be imported (default except.txt).</source>
        <translation>Die Datei, die die nicht importierbaren Datensätze erhält (Standard except.txt).</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="162"/>
        <source>TRUE: only create rows; a record whose row exists is an exception.</source>
        <translation>TRUE: nur Zeilen anlegen; ein Datensatz, dessen Zeile existiert, ist eine Ausnahme.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="163"/>
        <source>The name of the attribute that says add, modify or delete (default ChangeType).</source>
        <translation>Der Name des Attributs, das add, modify oder delete angibt (Standard ChangeType).</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="164"/>
        <source>referencing=&gt;referenced pairs: references to a deleted row are set to NULL.</source>
        <translation>Paare verweisend=&gt;verwiesen: Verweise auf eine gelöschte Zeile werden auf NULL gesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="165"/>
        <source>TRUE: nullify the Relationships before every delete, even without database enforcement.</source>
        <translation>TRUE: die Relationships vor jedem Löschen auf NULL setzen, auch ohne Durchsetzung durch die Datenbank.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="166"/>
        <source>TRUE: compare with the stored row and skip updates that change nothing.</source>
        <translation>TRUE: mit der gespeicherten Zeile vergleichen und Änderungen auslassen, die nichts ändern.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="167"/>
        <source>attribute(sequence): new rows take their value from the sequence.</source>
        <translation>Attribut(Sequenz): neue Zeilen erhalten ihren Wert aus der Sequenz.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="168"/>
        <source>SET statements run once before the import, separated by ;.</source>
        <translation>SET-Anweisungen, einmal vor dem Import ausgeführt, getrennt durch ;.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="169"/>
        <source>1: write the trace file.</source>
        <translation>1: die Trace-Datei schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="170"/>
        <source>What the trace shows: SQL, Summary, FailSummary, Stats, Columns, RefData, ODBC, ...</source>
        <translation>Was der Trace zeigt: SQL, Summary, FailSummary, Stats, Columns, RefData, ODBC, ...</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="171"/>
        <source>The trace file; without a suffix, numbered files rotate.</source>
        <translation>Die Trace-Datei; ohne Endung rotieren nummerierte Dateien.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="172"/>
        <source>The data files&apos; encoding: ISO-8859-1 (default) or UTF-8.</source>
        <translation>Die Kodierung der Datendateien: ISO-8859-1 (Standard) oder UTF-8.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="173"/>
        <source>TRUE: write characters beyond ASCII as they are instead of \xhh escapes.</source>
        <translation>TRUE: Zeichen jenseits von ASCII unverändert statt als \xhh schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="175"/>
        <source>TRUE: an empty string is written and read as \E, apart from NULL (ours; default FALSE, the manual&apos;s empty value for both).</source>
        <translation>TRUE: eine leere Zeichenkette wird als \E geschrieben und gelesen, getrennt von NULL (unsere Erweiterung; Vorgabe FALSE, der leere Wert des Handbuchs für beides).</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="174"/>
        <source>How dates are written in data files, e.g. YYYY-MM-DD or DD-MON-YYYY.</source>
        <translation>Wie Datumswerte in Datendateien stehen, z. B. YYYY-MM-DD oder DD-MON-YYYY.</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="175"/>
        <source>Bytes of the row hash in reference files (4-16, default 8).</source>
        <translation>Bytes des Zeilen-Hashs in Referenzdateien (4-16, Standard 8).</translation>
    </message>
    <message>
        <location filename="../ui/editor/Completion.cpp" line="176"/>
        <source>The line that starts a record (default row:).</source>
        <translation>Die Zeile, mit der ein Datensatz beginnt (Standard row:).</translation>
    </message>
    <message>
        <location filename="../ui/secrets/Keychain.cpp" line="36"/>
        <source>the keychain did not answer within %1 s</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <location filename="../ui/secrets/Keychain.cpp" line="72"/>
        <location filename="../ui/secrets/Keychain.cpp" line="79"/>
        <source>keychain:%1: %2</source>
        <translation>keychain:%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="65"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>oas::ui::ConfigEditor</name>
    <message>
        <location filename="../ui/editor/ConfigEditor.cpp" line="104"/>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigEditor.cpp" line="118"/>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigEditor.cpp" line="165"/>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
</context>
<context>
    <name>oas::ui::ConfigLexer</name>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="31"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="32"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="33"/>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="34"/>
        <source>Field name</source>
        <translation>Feldname</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="35"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="36"/>
        <source>Attribute abbreviation</source>
        <translation>Attributkürzel</translation>
    </message>
    <message>
        <location filename="../ui/editor/ConfigLexer.cpp" line="37"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
</context>
<context>
    <name>oas::ui::ExceptionsView</name>
    <message>
        <location filename="../ui/run/ExceptionsView.cpp" line="19"/>
        <source>Open in editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/run/ExceptionsView.cpp" line="19"/>
        <source>Import again</source>
        <translation>Erneut importieren</translation>
    </message>
    <message>
        <location filename="../ui/run/ExceptionsView.cpp" line="21"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../ui/run/ExceptionsView.cpp" line="21"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/run/ExceptionsView.cpp" line="65"/>
        <source>No import run yet</source>
        <translation>Noch kein Import gelaufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/run/ExceptionsView.cpp" line="66"/>
        <source>%n record(s) in %1</source>
        <translation>
            <numerusform>%n Datensatz in %1</numerusform>
            <numerusform>%n Datensätze in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oas::ui::FindBar</name>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="16"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="18"/>
        <source>find</source>
        <translation>suchen</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="19"/>
        <source>replace with</source>
        <translation>ersetzen durch</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="20"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="21"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="22"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="23"/>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/editor/FindBar.cpp" line="90"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/editor/FindBar.cpp" line="122"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oas::ui::JobRunner</name>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="72"/>
        <source>a job is already running</source>
        <translation>ein Auftrag läuft bereits</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="79"/>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="132"/>
        <source>not run: the configuration has errors</source>
        <translation>nicht ausgeführt: die Konfiguration enthält Fehler</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="143"/>
        <location filename="../ui/run/JobRunner.cpp" line="153"/>
        <source>not run: %1</source>
        <translation>nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="173"/>
        <location filename="../ui/run/JobRunner.cpp" line="240"/>
        <source>exceptions file</source>
        <translation>Ausnahmedatei</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="175"/>
        <source>%1 records read: %2 called, %3 failed, %4 skipped</source>
        <translation>Datensätze gelesen: %1; %2 aufgerufen, %3 fehlgeschlagen, %4 übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="176"/>
        <source>%1 records read: %2 created, %3 updated, %4 unchanged, %5 deleted, %6 failed, %7 skipped</source>
        <translation>Datensätze gelesen: %1; %2 angelegt, %3 geändert, %4 unverändert, %5 gelöscht, %6 fehlgeschlagen, %7 übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="179"/>
        <source>; %1 in %2</source>
        <translation>; %1 in %2</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="181"/>
        <source>; cancelled before the record at line %1</source>
        <translation>; abgebrochen vor dem Datensatz in Zeile %1</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="181"/>
        <location filename="../ui/run/JobRunner.cpp" line="204"/>
        <location filename="../ui/run/JobRunner.cpp" line="237"/>
        <source>; cancelled</source>
        <translation>; abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="183"/>
        <location filename="../ui/run/JobRunner.cpp" line="206"/>
        <source>; not done: %1</source>
        <translation>; nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="195"/>
        <source>%1 rows read, %2 records written to %3</source>
        <translation>Zeilen gelesen: %1; Datensätze nach %3 geschrieben: %2</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="197"/>
        <source> (delta: %1 add, %2 modify, %3 delete)</source>
        <translation> (Delta: %1 hinzugefügt, %2 geändert, %3 gelöscht)</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="199"/>
        <source>; reference file %1</source>
        <translation>; Referenzdatei %1</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="201"/>
        <source>delta file</source>
        <translation>Deltadatei</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="201"/>
        <source>data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="202"/>
        <source>reference file</source>
        <translation>Referenzdatei</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="209"/>
        <source>trace file</source>
        <translation>Tracedatei</translation>
    </message>
    <message>
        <location filename="../ui/run/JobRunner.cpp" line="235"/>
        <source>not done: %1</source>
        <translation>nicht ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>oas::ui::MainWindow</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>A job is running; start this one when it is done</source>
        <translation>Ein Auftrag läuft; starten Sie diesen, wenn er fertig ist</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run %1 again from the command line: %2</source>
        <translation>Lauf %1 erneut auf der Kommandozeile starten: %2</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run %1 (%2 on %3): %4</source>
        <translation>Lauf %1 (%2 auf %3): %4</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>The delete guard stopped the sync</source>
        <translation>Der Löschschutz hat die Synchronisation angehalten</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>%1

Nothing was changed by that step. Run the sync once more and let these %2 deletes through?</source>
        <translation>%1

Dieser Schritt hat nichts geändert. Die Synchronisation noch einmal ausführen und diese %2 Löschungen zulassen?</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>odbc-agent schedule did not finish: %1</source>
        <translation>odbc-agent schedule wurde nicht fertig: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>%1 (on disk)</source>
        <translation>%1 (auf dem Datenträger)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>A job is running</source>
        <translation>Ein Auftrag läuft</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>A job is running (or waits in step mode). Quit anyway? The job is stopped; what it has done so far is kept.</source>
        <translation>Ein Auftrag läuft (oder wartet im Einzelschritt). Trotzdem beenden? Der Auftrag wird angehalten; was er bisher getan hat, bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;New file...</source>
        <translation>&amp;Neue Datei...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>Save &amp;as...</source>
        <translation>Speichern &amp;unter...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&amp;About ODBC Agent Studio</source>
        <translation>&amp;Über ODBC Agent Studio</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>About ODBC Agent Studio</source>
        <translation>Über ODBC Agent Studio</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>&lt;b&gt;ODBC Agent Studio&lt;/b&gt; %1&lt;br&gt;Designs, debugs, runs and monitors the ODBC export and import agents and their syncs.&lt;br&gt;Qt %2</source>
        <translation>&lt;b&gt;ODBC Agent Studio&lt;/b&gt; %1&lt;br&gt;Entwirft, prüft, startet und überwacht die ODBC-Export- und Import-Agenten und ihre Synchronisationen.&lt;br&gt;Qt %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>New file</source>
        <translation>Neue Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>Configurations (*.ini *.cfg);;Syncs (*.sync);;All files (*)</source>
        <translation>Konfigurationen (*.ini *.cfg);;Synchronisationen (*.sync);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>Documentation: %1</source>
        <translation>Dokumentation: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="1"/>
        <source>The documentation is not installed (/usr/share/doc/odbc-agent-studio)</source>
        <translation>Die Dokumentation ist nicht installiert (/usr/share/doc/odbc-agent-studio)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="47"/>
        <source>ODBC Agent Studio</source>
        <translation>ODBC Agent Studio</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="86"/>
        <source>Open a workspace folder to start</source>
        <translation>Zum Beginnen einen Arbeitsbereich-Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="100"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>automatic (from the driver)</source>
        <translation>automatisch (nach dem Treiber)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="138"/>
        <source>The SQL dialect of the preview</source>
        <translation>Der SQL-Dialekt der Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="142"/>
        <source>SQL preview</source>
        <translation>SQL-Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="147"/>
        <source>Change queue</source>
        <translation>Änderungswarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="157"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="158"/>
        <source>&amp;Open workspace...</source>
        <translation>Arbeitsbereich ö&amp;ffnen...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="159"/>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="163"/>
        <source>&amp;Recent workspaces</source>
        <translation>&amp;Zuletzt geöffnete Arbeitsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="165"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="166"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="167"/>
        <source>&amp;Find...</source>
        <translation>&amp;Suchen...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="168"/>
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="169"/>
        <source>&amp;Replace...</source>
        <translation>&amp;Ersetzen...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>&amp;Protect password...</source>
        <translation>Passwort &amp;schützen...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="179"/>
        <source>The language changes when the Studio starts again</source>
        <translation>Die Sprache wechselt beim nächsten Start des Studios</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>&amp;Check against database</source>
        <translation>Gegen die Datenbank &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="206"/>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>%1 - ODBC Agent Studio</source>
        <translation>%1 - ODBC Agent Studio</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="219"/>
        <source>Workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="238"/>
        <location filename="../ui/MainWindow.cpp" line="376"/>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="268"/>
        <source>Open a configuration first.</source>
        <translation>Öffnen Sie zuerst eine Konfiguration.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278"/>
        <source>Protect password</source>
        <translation>Passwort schützen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="279"/>
        <source>The configuration has no [database] section.</source>
        <translation>Die Konfiguration hat keinen Abschnitt [database].</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="287"/>
        <source>Password= now holds the password&apos;s %1 form; save to keep it.</source>
        <translation>Password= enthält jetzt die Form %1 des Passworts; speichern, um sie zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="317"/>
        <source>A job is running; check against the database once it is done</source>
        <translation>Ein Auftrag läuft; nach seinem Ende gegen die Datenbank prüfen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="320"/>
        <source>Checking %1 against its database...</source>
        <translation>%1 wird gegen seine Datenbank geprüft...</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="328"/>
        <source>Not checked: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="356"/>
        <source>Checked against the database: %n problem(s), </source>
        <translation>
            <numerusform>Gegen die Datenbank geprüft: %n Problem, </numerusform>
            <numerusform>Gegen die Datenbank geprüft: %n Probleme, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>%n column(s) described</source>
        <translation>
            <numerusform>%n Spalte beschrieben</numerusform>
            <numerusform>%n Spalten beschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="358"/>
        <source>Cannot connect to the database</source>
        <translation>Keine Verbindung zur Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="380"/>
        <source>pair %1</source>
        <translation>Paar %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="387"/>
        <location filename="../ui/MainWindow.cpp" line="401"/>
        <location filename="../ui/MainWindow.cpp" line="407"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>oas::ui::PairEditor</name>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="78"/>
        <source>Target field</source>
        <translation>Zielfeld</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="78"/>
        <source>Source field code</source>
        <translation>Quellfeld-Code</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="78"/>
        <source>ODBC type</source>
        <translation>ODBC-Typ</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="81"/>
        <source>DRIVER=...
Database=...  (one KEY=VALUE a line)</source>
        <translation>DRIVER=...
Database=...  (ein KEY=VALUE je Zeile)</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="85"/>
        <source>env:NAME, file:PATH, encrypted:..., keychain:NAME</source>
        <translation>env:NAME, file:PFAD, encrypted:..., keychain:NAME</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="87"/>
        <source>by ChangeType</source>
        <translation>nach ChangeType</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="96"/>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="100"/>
        <source>Remove field</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="106"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="107"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="111"/>
        <source>Data source:</source>
        <translation>Datenquelle:</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="112"/>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="113"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="114"/>
        <source>Target table:</source>
        <translation>Zieltabelle:</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="115"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="120"/>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="122"/>
        <source>Records to fire the pair for</source>
        <translation>Datensätze, für die das Paar ausgelöst wird</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="126"/>
        <source>Fire</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="130"/>
        <source>Fire for the records of:</source>
        <translation>Auslösen für die Datensätze von:</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="143"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="145"/>
        <source>SQL of the events</source>
        <translation>SQL der Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="215"/>
        <source>cannot read %1 or %2</source>
        <translation>%1 oder %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="302"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="313"/>
        <source>the table %1 has no field %2</source>
        <translation>die Tabelle %1 hat kein Feld %2</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="314"/>
        <source>the table %1 has no field %2, but has %3 (target field names are case-sensitive)</source>
        <translation>die Tabelle %1 hat kein Feld %2, aber %3 (Zielfeldnamen unterscheiden Groß- und Kleinschreibung)</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="318"/>
        <source>%1 line %2: %3</source>
        <translation>%1 Zeile %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="382"/>
        <source>testing the connection...</source>
        <translation>Verbindung wird getestet...</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="393"/>
        <source>connected: the table has %1 fields</source>
        <translation>verbunden: die Tabelle hat %1 Felder</translation>
    </message>
    <message>
        <location filename="../ui/pairs/PairEditor.cpp" line="394"/>
        <source>connection test failed: %1</source>
        <translation>Verbindungstest fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>oas::ui::PasswordDialog</name>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="20"/>
        <source>Protect password</source>
        <translation>Passwort schützen</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="22"/>
        <source>Desktop keychain entry</source>
        <translation>Eintrag im Schlüsselbund des Desktops</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="23"/>
        <source>Encrypted with the key source&apos;s key</source>
        <translation>Verschlüsselt mit dem Schlüssel der Schlüsselquelle</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="24"/>
        <source>Scrambled (obfuscation only)</source>
        <translation>Verwürfelt (nur Verschleierung)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="27"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="28"/>
        <source>Store as:</source>
        <translation>Speichern als:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="29"/>
        <source>Keychain entry:</source>
        <translation>Schlüsselbund-Eintrag:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="61"/>
        <source>The file gets Password=keychain:NAME. Only the Studio can read it: jobs started from the command line need env:, file: or encrypted:.</source>
        <translation>Die Datei erhält Password=keychain:NAME. Nur das Studio kann ihn lesen: Jobs von der Kommandozeile brauchen env:, file: oder encrypted:.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="65"/>
        <source>The file gets Password=encrypted:... Every agent reads it with the key from %1.</source>
        <translation>Die Datei erhält Password=encrypted:... Jeder Agent liest ihn mit dem Schlüssel aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="69"/>
        <source>Scrambling is obfuscation: anyone with this program can read the password back.</source>
        <translation>Verwürfeln ist nur Verschleierung: Jeder mit diesem Programm kann das Passwort zurücklesen.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="78"/>
        <source>no password given</source>
        <translation>kein Passwort angegeben</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="85"/>
        <source>no keychain entry name given</source>
        <translation>kein Name für den Schlüsselbund-Eintrag angegeben</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PasswordDialog.cpp" line="94"/>
        <source>
(make a key with: odbc-agent secret new-key)</source>
        <translation>
(einen Schlüssel erzeugen mit: odbc-agent secret new-key)</translation>
    </message>
</context>
<context>
    <name>oas::ui::ProblemsView</name>
    <message>
        <location filename="../ui/ProblemsView.cpp" line="8"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/ProblemsView.cpp" line="8"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../ui/ProblemsView.cpp" line="8"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/ProblemsView.cpp" line="21"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/ProblemsView.cpp" line="21"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>oas::ui::QueuePanel</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Frozen rows</source>
        <translation>Eingefrorene Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Deleted keys</source>
        <translation>Gelöschte Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Frozen rows of %1 (%2 shown)</source>
        <translation>Eingefrorene Zeilen von %1 (%2 gezeigt)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Deleted keys (%1 shown)</source>
        <translation>Gelöschte Schlüssel (%1 gezeigt)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Deleted keys (none: found by a time stamp)</source>
        <translation>Gelöschte Schlüssel (keine: per Zeitstempel erkannt)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Cannot read the queue tables: %1</source>
        <translation>Die Warteschlangentabellen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="23"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="24"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="27"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="27"/>
        <source>Queue table</source>
        <translation>Warteschlangentabelle</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="27"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="27"/>
        <source>Last refresh (UTC)</source>
        <translation>Letzte Aktualisierung (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="27"/>
        <source>Changes found by</source>
        <translation>Änderungen erkannt über</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="58"/>
        <source>No change queue in this workspace (an .ini with [database] and a section per table with Key=; see docs/queue.md).</source>
        <translation>Keine Änderungswarteschlange in diesem Arbeitsbereich (eine .ini mit [database] und einem Abschnitt je Tabelle mit Key=; siehe docs/queue.md).</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="133"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="134"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="139"/>
        <source>Cannot read the queue: %1</source>
        <translation>Die Warteschlange kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="214"/>
        <source>SQL procedure: %1</source>
        <translation>SQL-Prozedur: %1</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="151"/>
        <source>Refreshing...</source>
        <translation>Wird aktualisiert...</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="169"/>
        <source>Refreshed at %1: %2 rows frozen.%3</source>
        <translation>Aktualisiert um %1: %2 Zeilen festgehalten.%3</translation>
    </message>
    <message>
        <location filename="../ui/queue/QueuePanel.cpp" line="170"/>
        <source>Not refreshed; the queue tables are unchanged: %1</source>
        <translation>Nicht aktualisiert; die Warteschlangentabellen sind unverändert: %1</translation>
    </message>
</context>
<context>
    <name>oas::ui::RateChart</name>
    <message>
        <location filename="../ui/run/RateChart.cpp" line="13"/>
        <source>records per second</source>
        <translation>Datensätze pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/run/RateChart.cpp" line="70"/>
        <source>peak %1/s</source>
        <translation>Spitze %1/s</translation>
    </message>
</context>
<context>
    <name>oas::ui::RunPanel</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>exit code 0</source>
        <translation>Exit-Code 0</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>exit code 0x3C (done with warnings)</source>
        <translation>Exit-Code 0x3C (mit Warnungen erledigt)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>exit code 1 (not done)</source>
        <translation>Exit-Code 1 (nicht erledigt)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>not started: a job is running</source>
        <translation>nicht gestartet: ein Auftrag läuft</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>running %1 of %2...</source>
        <translation>%1 von %2 läuft...</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>a dry run</source>
        <translation>ein Probelauf</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>the sync</source>
        <translation>die Synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="1"/>
        <source>no configuration open</source>
        <translation>keine Konfiguration geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="1"/>
        <source>Runs %1:</source>
        <translation>Führt %1 aus:</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="35"/>
        <source>(no row)</source>
        <translation>(keine Zeile)</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="38"/>
        <source>row %1 of %2
</source>
        <translation>Zeile %1 von %2
</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="47"/>
        <source>Attributes (line %1)</source>
        <translation>Attribute (Zeile %1)</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="49"/>
        <source>Statements run, with their values</source>
        <translation>Ausgeführte Anweisungen mit ihren Werten</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="51"/>
        <source>Row before</source>
        <translation>Zeile vorher</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="52"/>
        <source>Row after</source>
        <translation>Zeile nachher</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="55"/>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="63"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="63"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="64"/>
        <source>Step through</source>
        <translation>Schrittweise</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="64"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="65"/>
        <source>Go</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="66"/>
        <source>Break on errors</source>
        <translation>Bei Fehlern anhalten</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="71"/>
        <source>Full export</source>
        <translation>Vollständiger Export</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="71"/>
        <source>Delta export</source>
        <translation>Delta-Export</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="71"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="72"/>
        <source>data file (export output or import input)</source>
        <translation>Datendatei (Exportausgabe oder Importeingabe)</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="80"/>
        <source>Choose the data file</source>
        <translation>Datendatei wählen</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="91"/>
        <source>break at line</source>
        <translation>ab Zeile anhalten</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="93"/>
        <source>no ChangeType break</source>
        <translation>kein Halt nach ChangeType</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="107"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="108"/>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="109"/>
        <source>Current record</source>
        <translation>Aktueller Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="139"/>
        <source>exit code %1: %2</source>
        <translation>Exit-Code %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="141"/>
        <source> (%1 trace blocks not shown: the job reported faster than the view shows)</source>
        <translation> (%1 Trace-Blöcke nicht angezeigt: der Auftrag meldete schneller, als die Ansicht zeigt)</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="148"/>
        <source>Open: %1</source>
        <translation>Öffnen: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="165"/>
        <source>Data file to import</source>
        <translation>Zu importierende Datendatei</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="166"/>
        <source>Export data file</source>
        <translation>Exportdatendatei</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="229"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="245"/>
        <source>pair %1 for %2</source>
        <translation>Paar %1 für %2</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="262"/>
        <location filename="../ui/run/RunPanel.cpp" line="269"/>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="275"/>
        <source>running %1</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="331"/>
        <source>%1 records, %2 added/created, %3 modified/updated, %4 deleted, %5 errors - %6 records/s</source>
        <translation>%1 Datensätze, %2 hinzugefügt/angelegt, %3 geändert, %4 gelöscht, %5 Fehler - %6 Datensätze/s</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="341"/>
        <source> - %1%</source>
        <translation> - %1%</translation>
    </message>
    <message>
        <location filename="../ui/run/RunPanel.cpp" line="343"/>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
</context>
<context>
    <name>oas::ui::TraceView</name>
    <message>
        <location filename="../ui/run/TraceView.cpp" line="24"/>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <location filename="../ui/run/TraceView.cpp" line="24"/>
        <source>Errors and warnings</source>
        <translation>Fehler und Warnungen</translation>
    </message>
    <message>
        <location filename="../ui/run/TraceView.cpp" line="24"/>
        <source>Flow (entry/exit)</source>
        <translation>Ablauf (Eintritt/Austritt)</translation>
    </message>
    <message>
        <location filename="../ui/run/TraceView.cpp" line="27"/>
        <source>search the trace</source>
        <translation>im Trace suchen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/run/TraceView.cpp" line="86"/>
        <source>[... %n block(s) passed over while the job reports faster than this view shows; filter or search to see them]</source>
        <translation>
            <numerusform>[... %n Block übersprungen, weil der Auftrag schneller meldet, als diese Ansicht zeigt; filtern oder suchen Sie, um ihn zu sehen]</numerusform>
            <numerusform>[... %n Blöcke übersprungen, weil der Auftrag schneller meldet, als diese Ansicht zeigt; filtern oder suchen Sie, um sie zu sehen]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/run/TraceView.cpp" line="107"/>
        <source>%n of %1 blocks</source>
        <translation>
            <numerusform>%n von %1 Blöcken</numerusform>
            <numerusform>%n von %1 Blöcken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oas::ui::WorkspaceModel</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Syncs</source>
        <translation>Synchronisationen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="43"/>
        <source>Agent configurations</source>
        <translation>Agentenkonfigurationen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="44"/>
        <source>Data files</source>
        <translation>Datendateien</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="45"/>
        <source>Exceptions files</source>
        <translation>Ausnahmedateien</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="46"/>
        <source>Reference files</source>
        <translation>Referenzdateien</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="47"/>
        <source>Trace files</source>
        <translation>Trace-Dateien</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="48"/>
        <source>Mapping pairs</source>
        <translation>Zuordnungspaare</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="49"/>
        <source>Change queues</source>
        <translation>Änderungswarteschlangen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="52"/>
        <source>Other files</source>
        <translation>Andere Dateien</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspaceModel.cpp" line="61"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>oas::ui::EditorTabs</name>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>These files have changes that are not saved:
%1</source>
        <translation>Diese Dateien haben Änderungen, die nicht gespeichert sind:
%1</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>File changed on disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>%1 was changed by another program, and you have edits that are not saved.</source>
        <translation>%1 wurde von einem anderen Programm geändert, und Sie haben nicht gespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>Reload (drop my edits)</source>
        <translation>Neu laden (meine Änderungen verwerfen)</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>%1 was changed by another program since you opened it. Saving would overwrite that change.</source>
        <translation>%1 wurde seit dem Öffnen von einem anderen Programm geändert. Speichern würde diese Änderung überschreiben.</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location filename="../ui/EditorTabs.cpp" line="1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>oas::ui::HistoryChart</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>no runs yet</source>
        <translation>noch keine Läufe</translation>
    </message>
</context>
<context>
    <name>oas::ui::MonitorView</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>since</source>
        <translation>seit</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Reference file</source>
        <translation>Referenzdatei</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Resume import</source>
        <translation>Import fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>configuration or sync</source>
        <translation>Konfiguration oder Synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>all states</source>
        <translation>alle Zustände</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>failed and interrupted</source>
        <translation>fehlgeschlagen und abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>with warnings</source>
        <translation>mit Warnungen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Cannot resume: %1</source>
        <translation>Fortsetzen nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>The run journal is off (OAS_JOURNAL=off).</source>
        <translation>Das Laufjournal ist ausgeschaltet (OAS_JOURNAL=off).</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>No runs yet (the journal %1 is made by the first run).</source>
        <translation>Noch keine Läufe (das Journal %1 entsteht mit dem ersten Lauf).</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Cannot read the run journal %1: %2</source>
        <translation>Das Laufjournal %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/x.cpp" line="1"/>
        <source>%n run(s) shown. Select one for its details and files.</source>
        <translation>
            <numerusform>%n Lauf gezeigt. Wählen Sie ihn für Details und Dateien.</numerusform>
            <numerusform>%n Läufe gezeigt. Wählen Sie einen für Details und Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run %1: %2 %3, %4, started %5 by %6 on %7 (pid %8), %9</source>
        <translation>Lauf %1: %2 %3, %4, gestartet %5 von %6 auf %7 (PID %8), %9</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>%1 read, %2 written, %3 created, %4 updated, %5 unchanged, %6 deleted, %7 errors, %8 skipped</source>
        <translation>gelesen: %1, geschrieben: %2, angelegt: %3, geändert: %4, unverändert: %5, gelöscht: %6, Fehler: %7, übersprungen: %8</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>0x3C (done with warnings)</source>
        <translation>0x3C (mit Warnungen erledigt)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>first error: %1</source>
        <translation>erster Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>stopped before the record at line %1</source>
        <translation>angehalten vor dem Datensatz in Zeile %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>the run names no line to resume from</source>
        <translation>der Lauf nennt keine Zeile zum Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>odbc-agent schedule --list did not answer: %1</source>
        <translation>odbc-agent schedule --list hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>sync %1</source>
        <translation>Synchronisation %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>last run %1, %2: %3 read, %4 created, %5 updated, %6 deleted, %7 errors</source>
        <translation>letzter Lauf %1, %2: gelesen: %3, angelegt: %4, geändert: %5, gelöscht: %6, Fehler: %7</translation>
    </message>
</context>
<context>
    <name>oas::ui::RunsModel</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>done with warnings</source>
        <translation>mit Warnungen erledigt</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>interrupted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source> (sync %1, step %2)</source>
        <translation> (Synchronisation %1, Schritt %2)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source> - dry run</source>
        <translation> - Probelauf</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>First error</source>
        <translation>Erster Fehler</translation>
    </message>
</context>
<context>
    <name>oas::ui::ScheduleDialog</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Daily at</source>
        <translation>Täglich um</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Cron expression</source>
        <translation>Cron-Ausdruck</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Schedule sync %1</source>
        <translation>Synchronisation %1 planen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>minute hour day-of-month month day-of-week</source>
        <translation>Minute Stunde Monatstag Monat Wochentag</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>A systemd user timer where systemd runs this machine, else a line in your crontab. Scheduled runs appear in the Monitor.</source>
        <translation>Ein systemd-Benutzer-Timer, wo systemd den Rechner betreibt, sonst eine Zeile in Ihrer crontab. Geplante Läufe erscheinen im Monitor.</translation>
    </message>
</context>
<context>
    <name>oas::ui::SyncEditor</name>
    <message>
        <location filename="../ui/sync/SyncEditor.cpp" line="1"/>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/sync/SyncEditor.cpp" line="1"/>
        <source>Configuration of the step</source>
        <translation>Konfiguration des Schritts</translation>
    </message>
    <message>
        <location filename="../ui/sync/SyncEditor.cpp" line="1"/>
        <source>Configurations (*.ini *.cfg)</source>
        <translation>Konfigurationen (*.ini *.cfg)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Stop an import whose deletes are too many</source>
        <translation>Einen Import mit zu vielen Löschungen anhalten</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Schedule...</source>
        <translation>Planen...</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Delete guard</source>
        <translation>Löschschutz</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>stop above</source>
        <translation>anhalten über</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>deletes, or</source>
        <translation>Löschungen, oder</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>of tables of</source>
        <translation>bei Tabellen ab</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>+ rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>MaxDeletes: more deletes than this stop the sync (0: no limit by count)</source>
        <translation>MaxDeletes: mehr Löschungen halten die Synchronisation an (0: keine Grenze nach Anzahl)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>MaxDeletePercent: more than this share of the target's rows stops the sync</source>
        <translation>MaxDeletePercent: mehr als dieser Anteil der Zielzeilen hält die Synchronisation an</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>MinRows: the share applies to tables of at least this many rows</source>
        <translation>MinRows: der Anteil gilt für Tabellen mit mindestens so vielen Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Input / output</source>
        <translation>Eingabe / Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>On error</source>
        <translation>Bei Fehler</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>On warnings</source>
        <translation>Bei Warnungen</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run every step in order (saves the file first)</source>
        <translation>Alle Schritte der Reihe nach ausführen (speichert die Datei vorher)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>Run every step without keeping anything, and show what a real run would do</source>
        <translation>Alle Schritte ausführen, ohne etwas zu behalten, und zeigen, was ein echter Lauf täte</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>writes %1%2</source>
        <translation>schreibt %1%2</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source> (full)</source>
        <translation> (vollständig)</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>reads %1</source>
        <translation>liest %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>reads the output of %1</source>
        <translation>liest die Ausgabe von %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>; pairs %1</source>
        <translation>; Paare %1</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>stop</source>
        <translation>anhalten</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>continue</source>
        <translation>weiter</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>&gt; %1, &gt; %2 % of %3+ rows</source>
        <translation>&gt; %1, &gt; %2 % bei %3+ Zeilen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/x.cpp" line="1"/>
        <source>No problems: %n step(s).</source>
        <translation>
            <numerusform>Keine Probleme: %n Schritt.</numerusform>
            <numerusform>Keine Probleme: %n Schritte.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oas::ui::SyncProcess</name>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>odbc-agent is not installed beside the Studio nor on PATH</source>
        <translation>odbc-agent ist weder neben dem Studio noch im PATH installiert</translation>
    </message>
    <message>
        <location filename="../ui/x.cpp" line="1"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
</context>
</TS>
