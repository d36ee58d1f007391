<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name></name>
    <message>
        <source>Outbox</source>
        <comment>Stock</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Shipment</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Cancellation</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Waiting</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Sent, awaiting bol.com</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Failed</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Done</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Cancelled</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Stock {amount} for offer {offer}</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Order {order} via {transporter}</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>Cancel item {item} of order {order}</comment>
        <translation type="vanished">Uitgaande berichten</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n h</source>
        <translation type="obsolete">
            <numerusform>Verloopt over %n u</numerusform>
            <numerusform>Verloopt over %n u</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <source>Account &amp;name</source>
        <translation>Account&amp;naam</translation>
    </message>
    <message>
        <source>Sto&amp;re</source>
        <translation>&amp;Winkel</translation>
    </message>
    <message>
        <source>&amp;Product list</source>
        <translation>&amp;Productlijst</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Omgeving</translation>
    </message>
    <message>
        <source>API &amp;base URL</source>
        <translation>API-&amp;basis-URL</translation>
    </message>
    <message>
        <source>To&amp;ken URL</source>
        <translation>To&amp;ken-URL</translation>
    </message>
    <message>
        <source>&amp;Client ID</source>
        <translation>&amp;Client-ID</translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation>Client-&amp;secret</translation>
    </message>
    <message>
        <source>Sync e&amp;very</source>
        <translation>Synchroniseer &amp;elke</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Default &amp;transporter</source>
        <translation>Standaard&amp;vervoerder</translation>
    </message>
    <message>
        <source>Daily c&amp;ut-off</source>
        <translation>Dagelijkse sl&amp;uittijd</translation>
    </message>
    <message>
        <source>e.g. bol.com NL</source>
        <translation>bijv. bol.com NL</translation>
    </message>
    <message>
        <source>The webshop this account sells for</source>
        <translation>De webwinkel waarvoor dit account verkoopt</translation>
    </message>
    <message>
        <source>Same as the store</source>
        <translation>Zelfde als de winkel</translation>
    </message>
    <message>
        <source>Production (bol.com)</source>
        <translation>Productie (bol.com)</translation>
    </message>
    <message>
        <source>bol.com demo</source>
        <translation>bol.com-demo</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Eigen URL</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Show or hide the client secret</source>
        <translation>Client-secret tonen of verbergen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>België</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Duitsland</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankrijk</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxemburg</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Oostenrijk</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Verenigd Koninkrijk</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>Spanje</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italië</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>bol.com connection</source>
        <translation>Verbinding met bol.com</translation>
    </message>
    <message>
        <source>Do not import orders delivered to</source>
        <translation>Geen orders importeren met bezorging in</translation>
    </message>
    <message>
        <source>Products and offers</source>
        <translation>Producten en aanbiedingen</translation>
    </message>
    <message>
        <source>Orders (turn on once the products are in)</source>
        <translation>Orders (aanzetten zodra de producten binnen zijn)</translation>
    </message>
    <message>
        <source>Stored in the keyring (type to replace)</source>
        <translation>Opgeslagen in de sleutelbos (typ om te vervangen)</translation>
    </message>
    <message>
        <source>Paste the client secret from bol.com</source>
        <translation>Plak het client-secret van bol.com</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the client secret safely, so it cannot be saved here. The other settings are saved. On a server, set the environment variable HAYDIGO_BOL_CLIENT_SECRET instead.</source>
        <translation>Deze computer heeft geen sleutelbos om het client-secret veilig te bewaren, dus het kan hier niet worden opgeslagen. De andere instellingen zijn wel opgeslagen. Zet op een server in plaats daarvan de omgevingsvariabele HAYDIGO_BOL_CLIENT_SECRET.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geef het account een naam.</translation>
    </message>
    <message>
        <source>Another account already has this name.</source>
        <translation>Een ander account heeft al deze naam.</translation>
    </message>
    <message>
        <source>Name the store this account sells for.</source>
        <translation>Vul de winkel in waarvoor dit account verkoopt.</translation>
    </message>
    <message>
        <source>Enter the client ID from the bol.com seller portal.</source>
        <translation>Vul de client-ID uit het verkopersaccount van bol.com in.</translation>
    </message>
    <message>
        <source>Copy the client ID exactly as the bol.com seller portal shows it (no spaces).</source>
        <translation>Kopieer de client-ID precies zoals het bol.com-verkopersportaal hem toont (zonder spaties).</translation>
    </message>
    <message>
        <source>Enter a full address starting with http:// or https://.</source>
        <translation>Vul een volledig adres in dat begint met http:// of https://.</translation>
    </message>
    <message>
        <source>Choose 1 to 60 minutes.</source>
        <translation>Kies 1 tot 60 minuten.</translation>
    </message>
    <message>
        <source>Country codes have two letters.</source>
        <translation>Landcodes hebben twee letters.</translation>
    </message>
    <message>
        <source>Choose the default transporter: type its bol.com code or name.</source>
        <translation>Kies de standaardvervoerder: typ de bol.com-code of de naam.</translation>
    </message>
    <message>
        <source>Choose the cut-off as a time of day.</source>
        <translation>Kies de sluittijd als tijdstip van de dag.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nieuw account</translation>
    </message>
</context>
<context>
    <name>AdjustStockDialog</name>
    <message>
        <source>Adjust stock</source>
        <translation>Voorraad aanpassen</translation>
    </message>
    <message>
        <source>On hand {on_hand}, reserved {reserved}, available {available}</source>
        <translation>Op voorraad {on_hand}, gereserveerd {reserved}, beschikbaar {available}</translation>
    </message>
    <message>
        <source>Change by</source>
        <translation>Wijzigen met</translation>
    </message>
    <message>
        <source>Counted on hand</source>
        <translation>Geteld op voorraad</translation>
    </message>
    <message>
        <source>Required, e.g. damaged, found, recount</source>
        <translation>Verplicht, bijv. beschadigd, gevonden, hertelling</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
<context>
    <name>CancelReasonDialog</name>
    <message>
        <source>Cancel at bol.com</source>
        <translation>Annuleren bij bol.com</translation>
    </message>
    <message>
        <source>Cancel {title} of order {order} at bol.com? bol.com cancels every unit of the item not shipped yet and tells the customer.</source>
        <translation>{title} van bestelling {order} annuleren bij bol.com? bol.com annuleert elk nog niet verzonden stuk van het artikel en laat het de klant weten.</translation>
    </message>
    <message>
        <source>&amp;Reason for bol.com</source>
        <translation>&amp;Reden voor bol.com</translation>
    </message>
    <message>
        <source>Cancel the item</source>
        <translation>Artikel annuleren</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Niet annuleren</translation>
    </message>
</context>
<context>
    <name>CantFulfil</name>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschadigd</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>Te beslissen</translation>
    </message>
    <message>
        <source>Waits for stock</source>
        <translation>Wacht op voorraad</translation>
    </message>
    <message>
        <source>Cancelling at bol.com</source>
        <translation>Wordt geannuleerd bij bol.com</translation>
    </message>
    <message>
        <source>bol.com refused the cancellation</source>
        <translation>bol.com weigerde de annulering</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Niet op voorraad</translation>
    </message>
    <message>
        <source>Bad condition (damaged)</source>
        <translation>Slechte staat (beschadigd)</translation>
    </message>
    <message>
        <source>Item cannot be found</source>
        <translation>Artikel niet te vinden</translation>
    </message>
    <message>
        <source>Not available in time</source>
        <translation>Niet op tijd leverbaar</translation>
    </message>
    <message>
        <source>Higher shipping costs</source>
        <translation>Hogere verzendkosten</translation>
    </message>
    <message>
        <source>Incorrect price</source>
        <translation>Onjuiste prijs</translation>
    </message>
    <message>
        <source>No bol.com guarantee possible</source>
        <translation>Geen bol.com-garantie mogelijk</translation>
    </message>
    <message>
        <source>Ordered twice</source>
        <translation>Twee keer besteld</translation>
    </message>
    <message>
        <source>Item retained</source>
        <translation>Artikel achtergehouden</translation>
    </message>
    <message>
        <source>Technical issue</source>
        <translation>Technisch probleem</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <source>This line was decided meanwhile; the list shows it as it is now.</source>
        <translation>Over deze regel is intussen beslist; de lijst toont hem zoals hij nu is.</translation>
    </message>
    <message>
        <source>The item is already shipped or cancelled: it cannot be cancelled at bol.com any more.</source>
        <translation>Het artikel is al verzonden of geannuleerd: het kan niet meer bij bol.com geannuleerd worden.</translation>
    </message>
    <message>
        <source>A cancellation of this item is already on its way to bol.com.</source>
        <translation>Een annulering van dit artikel is al onderweg naar bol.com.</translation>
    </message>
    <message>
        <source>Choose one of bol.com&apos;s reasons.</source>
        <translation>Kies een van de redenen van bol.com.</translation>
    </message>
    <message>
        <source>The decision was not saved.</source>
        <translation>Het besluit is niet opgeslagen.</translation>
    </message>
</context>
<context>
    <name>CantFulfilSection</name>
    <message>
        <source>Can&apos;t fulfil</source>
        <translation>Niet leverbaar</translation>
    </message>
    <message>
        <source>Wait for stock</source>
        <translation>Wachten op voorraad</translation>
    </message>
    <message>
        <source>A backorder: the line is picked again as soon as stock arrives ({key})</source>
        <translation>Een nalevering: de regel wordt weer gepickt zodra er voorraad binnenkomt ({key})</translation>
    </message>
    <message>
        <source>Cancel at bol.com…</source>
        <translation>Annuleren bij bol.com…</translation>
    </message>
    <message>
        <source>Cancel the item at bol.com with a reason ({key})</source>
        <translation>Het artikel bij bol.com annuleren met een reden ({key})</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestelling</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>bol.com says</source>
        <translation>bol.com zegt</translation>
    </message>
    <message>
        <source>Select a line to see its details</source>
        <translation>Kies een regel om de details te zien</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) waiting for a decision or for stock</source>
        <translation>
            <numerusform>%n regel wacht op een besluit of op voorraad</numerusform>
            <numerusform>%n regels wachten op een besluit of op voorraad</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} lines wait for a decision or for stock</source>
        <translation type="vanished">{count} regels wachten op een besluit of op voorraad</translation>
    </message>
    <message>
        <source>Nothing here: every line could be picked</source>
        <translation>Niets hier: elke regel kon gepickt worden</translation>
    </message>
    <message>
        <source>Order {order} — {customer}</source>
        <translation>Bestelling {order} — {customer}</translation>
    </message>
    <message>
        <source>{units} × {title} ({ean}): {reason}, reported by {who} at {when}</source>
        <translation>{units} × {title} ({ean}): {reason}, gemeld door {who} om {when}</translation>
    </message>
    <message>
        <source>bol.com cancels the item itself after {date}</source>
        <translation>bol.com annuleert het artikel zelf na {date}</translation>
    </message>
    <message>
        <source>Reason for bol.com: {reason}</source>
        <translation>Reden voor bol.com: {reason}</translation>
    </message>
    <message>
        <source>bol.com says:</source>
        <translation>bol.com zegt:</translation>
    </message>
    <message>
        <source>The decision was not saved: {error}</source>
        <translation>Het besluit is niet opgeslagen: {error}</translation>
    </message>
</context>
<context>
    <name>CarrierPicker</name>
    <message>
        <source>Type a code or name: TNT, DHL, PostNL…</source>
        <translation>Typ een code of naam: TNT, DHL, PostNL…</translation>
    </message>
    <message>
        <source>Type the bol.com transporter code or the carrier&apos;s name; an exact code wins. Up and Down choose from the list.</source>
        <translation>Typ de bol.com-vervoerderscode of de naam van de vervoerder; een exacte code gaat voor. Met pijl omhoog en omlaag kiest u uit de lijst.</translation>
    </message>
    <message>
        <source>bol.com transporter code: %1 (%2)</source>
        <translation>bol.com-vervoerderscode: %1 (%2)</translation>
    </message>
    <message>
        <source>No carrier matches “%1”: type a bol.com code (TNT, DHL…) or a name.</source>
        <translation>Geen vervoerder past bij “%1”: typ een bol.com-code (TNT, DHL…) of een naam.</translation>
    </message>
    <message>
        <source>No carrier chosen: type a code or name.</source>
        <translation>Geen vervoerder gekozen: typ een code of naam.</translation>
    </message>
</context>
<context>
    <name>ChannelMovementDialog</name>
    <message>
        <source>Sale or return from another channel</source>
        <translation>Verkoop of retour via een ander kanaal</translation>
    </message>
    <message>
        <source>Sale (stock goes down)</source>
        <translation>Verkoop (voorraad gaat omlaag)</translation>
    </message>
    <message>
        <source>Return (stock goes up)</source>
        <translation>Retour (voorraad gaat omhoog)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat is er gebeurd</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Scan EAN or type SKU</source>
        <translation>Scan EAN of typ SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Vastleggen</translation>
    </message>
    <message>
        <source>Sold {quantity} × {title} via {channel}; on hand now {on_hand}</source>
        <translation>{quantity} × {title} verkocht via {channel}; nu op voorraad {on_hand}</translation>
    </message>
    <message>
        <source>Returned {quantity} × {title} via {channel}; on hand now {on_hand}</source>
        <translation>{quantity} × {title} retour via {channel}; nu op voorraad {on_hand}</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <source>Enter the client ID first.</source>
        <translation>Vul eerst de client-ID in.</translation>
    </message>
    <message>
        <source>Enter the client secret first.</source>
        <translation>Vul eerst het client-secret in.</translation>
    </message>
    <message>
        <source>Enter a full API address starting with http:// or https://.</source>
        <translation>Vul een volledig API-adres in dat begint met http:// of https://.</translation>
    </message>
    <message>
        <source>Connecting to bol.com…</source>
        <translation>Verbinden met bol.com…</translation>
    </message>
    <message>
        <source>Connected: bol.com accepted the client ID and secret.</source>
        <translation>Verbonden: bol.com heeft de client-ID en het secret geaccepteerd.</translation>
    </message>
    <message>
        <source>bol.com refused the client ID or secret.</source>
        <translation>bol.com weigert de client-ID of het secret.</translation>
    </message>
    <message>
        <source>bol.com could not be reached. Check the internet connection.</source>
        <translation>bol.com is niet bereikbaar. Controleer de internetverbinding.</translation>
    </message>
    <message>
        <source>bol.com answered with an error.</source>
        <translation>bol.com antwoordde met een fout.</translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation>De test kon niet worden uitgevoerd.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>{} ran into a problem</source>
        <translation>{} is op een probleem gestuit</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>The desk keeps running, but the last action may not have finished. Check it, and restart the desk if it behaves oddly. Send the details below to support.</source>
        <translation>De desk blijft draaien, maar de laatste handeling is misschien niet afgemaakt. Controleer die en start de desk opnieuw als hij zich vreemd gedraagt. Stuur de details hieronder naar support.</translation>
    </message>
    <message>
        <source>Log file: {}</source>
        <translation>Logbestand: {}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Logmap openen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Choose CSV file…</source>
        <translation>CSV-bestand kiezen…</translation>
    </message>
    <message>
        <source>Problems: these lines will not be imported</source>
        <translation>Problemen: deze regels worden niet geïmporteerd</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation>Kan {file} niet lezen: {error}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Bestand wordt gelezen…</translation>
    </message>
    <message>
        <source>Import only the valid lines and skip the {count} problem line(s)</source>
        <translation>Alleen de geldige regels importeren en de {count} regel(s) met een probleem overslaan</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Bezig met importeren…</translation>
    </message>
</context>
<context>
    <name>CutoffField</name>
    <message>
        <source>No cut-off: Today shows what must leave today until the day ends.</source>
        <translation>Geen sluittijd: Vandaag toont wat vandaag weg moet, tot het einde van de dag.</translation>
    </message>
    <message>
        <source>Today&apos;s cut-off (%1) has passed: what is due now leaves tomorrow, and Today shows tomorrow&apos;s work.</source>
        <translation>De sluittijd van vandaag (%1) is voorbij: wat nu moet, gaat morgen weg, en Vandaag toont het werk van morgen.</translation>
    </message>
    <message>
        <source>Until %1 Today shows what leaves today; after %1, what leaves tomorrow.</source>
        <translation>Tot %1 toont Vandaag wat vandaag weggaat; na %1 wat morgen weggaat.</translation>
    </message>
    <message>
        <source>Nothing leaves after</source>
        <translation>Niets gaat meer weg na</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>The database is busy (another program is writing to it). Nothing was lost; try again in a moment.</source>
        <translation>De database is bezet (een ander programma schrijft erin). Er is niets verloren; probeer het zo weer.</translation>
    </message>
    <message>
        <source>The database could not be reached ({kind}). Nothing was changed; try again, or see the log.</source>
        <translation>De database is niet bereikbaar ({kind}). Er is niets gewijzigd; probeer het opnieuw of kijk in het logboek.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); see the log.</source>
        <translation>Er ging iets mis ({kind}); kijk in het logboek.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
</context>
<context>
    <name>DeadlineBadge</name>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n h</source>
        <translation>
            <numerusform>Verloopt over %n u</numerusform>
            <numerusform>Verloopt over %n u</numerusform>
        </translation>
    </message>
    <message>
        <source>Ship today</source>
        <translation>Vandaag versturen</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>via bol</source>
        <translation>via bol</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>This is the demo: orders and offers come from a simulated bol.com, nothing is sent to the real bol.com. To connect your real account, open Settings → Accounts (%1).</source>
        <translation>Dit is de demo: orders en aanbiedingen komen van een nagebootste bol.com en er wordt niets naar de echte bol.com gestuurd. Koppel je echte account via Instellingen → Accounts (%1).</translation>
    </message>
</context>
<context>
    <name>DemoPreparation</name>
    <message>
        <source>Preparing the demo: building its database…</source>
        <translation>De demo wordt voorbereid: de database wordt gebouwd…</translation>
    </message>
    <message>
        <source>Preparing the demo: importing products ({} of {})…</source>
        <translation>De demo wordt voorbereid: producten importeren ({} van {})…</translation>
    </message>
    <message>
        <source>Preparing the demo: putting products on shelves…</source>
        <translation>De demo wordt voorbereid: producten in de schappen zetten…</translation>
    </message>
</context>
<context>
    <name>DemoSwitch</name>
    <message>
        <source>Your account is saved: {}</source>
        <translation>Uw account is opgeslagen: {}</translation>
    </message>
    <message>
        <source>It is saved in your own database ({}), not in the demo&apos;s. The desk opens that database with your account when it starts again; the demo stays as it is.</source>
        <translation>Het staat in uw eigen database ({}), niet in die van de demo. De desk opent die database met uw account bij de volgende start; de demo blijft zoals hij is.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Nu herstarten</translation>
    </message>
    <message>
        <source>At next start</source>
        <translation>Bij de volgende start</translation>
    </message>
</context>
<context>
    <name>Dimensions</name>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Lengte</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breedte</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hoogte</translation>
    </message>
    <message>
        <source>{name}: “{text}” is not a number (a decimal comma is fine)</source>
        <translation>{name}: “{text}” is geen getal (een decimale komma mag)</translation>
    </message>
    <message>
        <source>{name} cannot be negative</source>
        <translation>{name} kan niet negatief zijn</translation>
    </message>
    <message>
        <source>{name} must be more than 0 (leave it empty when unknown)</source>
        <translation>{name} moet meer dan 0 zijn (laat het leeg als het onbekend is)</translation>
    </message>
    <message>
        <source>{name}: {text} is more than {maximum} {unit}; was it typed in the right unit?</source>
        <translation>{name}: {text} is meer dan {maximum} {unit}; is het in de juiste eenheid getypt?</translation>
    </message>
</context>
<context>
    <name>DimensionsDialog</name>
    <message>
        <source>Weight and dimensions</source>
        <translation>Gewicht en afmetingen</translation>
    </message>
    <message>
        <source>One unit as it goes into the box. The desk uses these to tell whether an order fits a mailbox parcel; empty means unknown.</source>
        <translation>Eén stuk zoals het in de doos gaat. De desk gebruikt dit om te bepalen of een bestelling als brievenbuspakje kan; leeg betekent onbekend.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
</context>
<context>
    <name>DimensionsImport</name>
    <message>
        <source>No EAN or SKU on this line</source>
        <translation>Geen EAN of SKU op deze regel</translation>
    </message>
    <message>
        <source>Not a valid EAN (wrong check digit or length)</source>
        <translation>Geen geldige EAN (verkeerd controlecijfer of lengte)</translation>
    </message>
    <message>
        <source>Unknown: no product with this code</source>
        <translation>Onbekend: geen product met deze code</translation>
    </message>
    <message>
        <source>No weight or size on this line</source>
        <translation>Geen gewicht of maat op deze regel</translation>
    </message>
    <message>
        <source>On more than one line (also line {value}); keep one</source>
        <translation>Op meer dan één regel (ook regel {value}); houd er één</translation>
    </message>
    <message>
        <source>Not a valid value: {value}</source>
        <translation>Geen geldige waarde: {value}</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>Het bestand is leeg</translation>
    </message>
    <message>
        <source>The first line must be a header with an EAN or SKU column (found: {found})</source>
        <translation>De eerste regel moet een kopregel zijn met een kolom EAN of SKU (gevonden: {found})</translation>
    </message>
    <message>
        <source>The header needs at least one of weight (g), length, width, height (mm) (gewicht, lengte, breedte, hoogte) (found: {found})</source>
        <translation>De kopregel heeft minstens één van gewicht (g), lengte, breedte, hoogte (mm) nodig (weight, length, width, height) (gevonden: {found})</translation>
    </message>
    <message>
        <source>The file has a header but no product lines</source>
        <translation>Het bestand heeft een kopregel maar geen productregels</translation>
    </message>
</context>
<context>
    <name>DimensionsImportDialog</name>
    <message>
        <source>A header with EAN or SKU and weight (g), length, width, height (mm); separated by ; or ,. An empty cell keeps the value the product has.</source>
        <translation>Een kopregel met EAN of SKU en gewicht (g), lengte, breedte, hoogte (mm); gescheiden door ; of ,. Een lege cel laat de waarde van het product staan.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Import weight and dimensions</source>
        <translation>Gewicht en afmetingen importeren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>Line {line}: product {code} no longer exists; choose the file again</source>
        <translation>Regel {line}: product {code} bestaat niet meer; kies het bestand opnieuw</translation>
    </message>
    <message>
        <source>The file has problem lines: fix them, or import only the valid lines</source>
        <translation>Het bestand heeft regels met een probleem: verbeter ze, of importeer alleen de geldige regels</translation>
    </message>
    <message>
        <source>{lines} line(s) read ({columns}): {changes} product(s) change, {same} unchanged, {problems} problem(s).</source>
        <translation>{lines} regel(s) gelezen ({columns}): {changes} product(en) wijzigen, {same} ongewijzigd, {problems} probleem/problemen.</translation>
    </message>
</context>
<context>
    <name>GoodsReceiptDialog</name>
    <message>
        <source>Goods receipt</source>
        <translation>Goederenontvangst</translation>
    </message>
    <message>
        <source>Scan each item, or type a quantity first and then scan. Every scan is saved at once.</source>
        <translation>Scan elk artikel, of typ eerst een aantal en scan dan. Elke scan wordt direct opgeslagen.</translation>
    </message>
    <message>
        <source>Scan EAN or type SKU</source>
        <translation>Scan EAN of typ SKU</translation>
    </message>
    <message>
        <source>Quantity of the next scan (Alt+Q)</source>
        <translation>Aantal voor de volgende scan (Alt+Q)</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>On hand now</source>
        <translation>Nu op voorraad</translation>
    </message>
    <message>
        <source>+{quantity}  {title}  (on hand {on_hand})</source>
        <translation>+{quantity}  {title}  (op voorraad {on_hand})</translation>
    </message>
    <message>
        <source>{units} unit(s) of {products} product(s) received</source>
        <translation>{units} stuk(s) van {products} product(en) ontvangen</translation>
    </message>
</context>
<context>
    <name>HandlingForm</name>
    <message>
        <source>Location, e.g. A-03-2</source>
        <translation>Locatie, bijv. A-03-2</translation>
    </message>
    <message>
        <source>Why it cannot be sold again</source>
        <translation>Waarom het niet opnieuw verkocht kan worden</translation>
    </message>
    <message>
        <source>bol.com handling</source>
        <translation>Afhandeling bij bol.com</translation>
    </message>
    <message>
        <source>Quantity returned</source>
        <translation>Aantal retour</translation>
    </message>
    <message>
        <source>The units</source>
        <translation>De stuks</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Write-off reason</source>
        <translation>Reden van afschrijving</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>bol.com label for order {order}</source>
        <translation>bol.com-label voor bestelling {order}</translation>
    </message>
    <message>
        <source>Chosen because {reason}.</source>
        <translation>Gekozen omdat {reason}.</translation>
    </message>
    <message>
        <source>Enter: buy this label · F6: another option · Esc: back</source>
        <translation>Enter: dit label kopen · F6: andere optie · Esc: terug</translation>
    </message>
    <message>
        <source>{name} — {price} excl. VAT — hand over by {deadline}</source>
        <translation>{name} — {price} excl. btw — afgeven vóór {deadline}</translation>
    </message>
    <message>
        <source> — recommended</source>
        <translation> — aanbevolen</translation>
    </message>
    <message>
        <source> — LATE for the customer</source>
        <translation> — TE LAAT voor de klant</translation>
    </message>
    <message>
        <source>This label does not reach the customer in time and earns a strike. Press Enter again to buy it anyway, or F6 for another option.</source>
        <translation>Met dit label is het pakket niet op tijd bij de klant en dat levert een strike op. Druk nogmaals op Enter om het toch te kopen, of F6 voor een andere optie.</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>e.g. A-03-2 (empty: no location)</source>
        <translation>bijv. A-03-2 (leeg: geen locatie)</translation>
    </message>
    <message>
        <source>Location code</source>
        <translation>Locatiecode</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>Wie werkt er?</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Create the first manager</source>
        <translation>Eerste manager aanmaken</translation>
    </message>
    <message>
        <source>Nobody works at this desk yet. The first person is a manager, who can add staff and correct stock.</source>
        <translation>Er werkt nog niemand aan deze desk. De eerste persoon is een manager, die medewerkers kan toevoegen en voorraad kan corrigeren.</translation>
    </message>
    <message>
        <source>Optional: scan a badge</source>
        <translation>Optioneel: scan een pasje</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Pasje</translation>
    </message>
    <message>
        <source>Scan your badge or choose your name</source>
        <translation>Scan je pasje of kies je naam</translation>
    </message>
    <message>
        <source>Scan badge</source>
        <translation>Pasje scannen</translation>
    </message>
    <message>
        <source>{name} (manager)</source>
        <translation>{name} (manager)</translation>
    </message>
    <message>
        <source>Unknown badge. Scan again or choose your name.</source>
        <translation>Onbekend pasje. Scan opnieuw of kies je naam.</translation>
    </message>
    <message>
        <source>Choose your name or scan your badge</source>
        <translation>Kies je naam of scan je pasje</translation>
    </message>
    <message>
        <source>Someone else just created the first manager; log in with that name</source>
        <translation>Iemand anders heeft net de eerste manager aangemaakt; log in met die naam</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Balie</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>Switch &amp;user…</source>
        <translation>Andere &amp;gebruiker…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Pick lists for &amp;today</source>
        <translation>Picklijsten voor &amp;vandaag</translation>
    </message>
    <message>
        <source>%1 (%2)  </source>
        <translation>%1 (%2)  </translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Delivery address</source>
        <translation>Bezorgadres</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>EAN / SKU</source>
        <translation>EAN / SKU</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Besteld</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Gepickt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Select an order to see its address and lines.</source>
        <translation>Selecteer een order om het adres en de regels te zien.</translation>
    </message>
    <message>
        <source>Placed %1</source>
        <translation>Geplaatst %1</translation>
    </message>
    <message>
        <source>deliver by %1</source>
        <translation type="vanished">bezorgen vóór %1</translation>
    </message>
    <message>
        <source>On pick list: %1</source>
        <translation>Op picklijst: %1</translation>
    </message>
    <message>
        <source>bol.com gave no delivery date.</source>
        <translation>bol.com gaf geen leverdatum.</translation>
    </message>
    <message>
        <source>Delivery on %1, the day the customer chose.</source>
        <translation>Levering op %1, de dag die de klant koos.</translation>
    </message>
    <message>
        <source>Deliver by %1 at the latest.</source>
        <translation>Uiterlijk %1 leveren.</translation>
    </message>
    <message>
        <source>bol.com cancels items not shipped by %1.</source>
        <translation>bol.com annuleert wat op %1 niet verstuurd is.</translation>
    </message>
    <message>
        <source>Ships via bol: bol.com chooses the carrier and its label is used.</source>
        <translation>Verzenden via bol: bol.com kiest de vervoerder en het label van bol wordt gebruikt.</translation>
    </message>
    <message>
        <source>You deliver it with your own carrier.</source>
        <translation>U levert zelf, met uw eigen vervoerder.</translation>
    </message>
    <message>
        <source>To a pick-up point: %1</source>
        <translation>Naar een afhaalpunt: %1</translation>
    </message>
    <message>
        <source>(bol.com gave no name)</source>
        <translation>(bol.com gaf geen naam)</translation>
    </message>
    <message>
        <source>Regular delivery.</source>
        <translation>Gewone levering.</translation>
    </message>
    <message>
        <source>Evening delivery.</source>
        <translation>Avondlevering.</translation>
    </message>
    <message>
        <source>Delivery by appointment.</source>
        <translation>Levering op afspraak.</translation>
    </message>
    <message>
        <source>Same-day delivery.</source>
        <translation>Levering op dezelfde dag.</translation>
    </message>
    <message>
        <source>Sunday delivery.</source>
        <translation>Zondaglevering.</translation>
    </message>
    <message>
        <source>Delivery time frame: %1</source>
        <translation>Levermoment: %1</translation>
    </message>
    <message>
        <source>The customer asked to cancel a line of this order.</source>
        <translation>De klant heeft gevraagd een regel van deze order te annuleren.</translation>
    </message>
    <message>
        <source>A line is not matched to a product of the product list.</source>
        <translation>Een regel is niet gekoppeld aan een product uit de productlijst.</translation>
    </message>
    <message>
        <source>%1 (cancellation requested)</source>
        <translation>%1 (annulering aangevraagd)</translation>
    </message>
    <message>
        <source>bol.com is still processing an earlier correction of this shipment; try again when it has answered.</source>
        <translation>bol.com verwerkt nog een eerdere correctie van deze zending; probeer het opnieuw als bol.com heeft geantwoord.</translation>
    </message>
    <message>
        <source>bol.com already has this carrier and track &amp; trace.</source>
        <translation>bol.com heeft deze vervoerder en track &amp; trace al.</translation>
    </message>
    <message>
        <source>Only a shipment bol.com confirmed can be corrected.</source>
        <translation>Alleen een zending die bol.com heeft bevestigd, kan worden gecorrigeerd.</translation>
    </message>
    <message>
        <source>The correction was refused.</source>
        <translation>De correctie is geweigerd.</translation>
    </message>
    <message>
        <source>The correction could not be saved: %1</source>
        <translation>De correctie kon niet worden opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>OrderShipmentsPanel</name>
    <message>
        <source>Shipments</source>
        <translation>Zendingen</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n stuk</numerusform>
            <numerusform>%n stuks</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct track &amp;&amp; trace</source>
        <translation>Track &amp;&amp; trace corrigeren</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>Label opnieuw printen</translation>
    </message>
    <message>
        <source>no track &amp; trace</source>
        <translation>geen track &amp; trace</translation>
    </message>
    <message>
        <source>Open the carrier&apos;s tracking page: %1</source>
        <translation>Open de volgpagina van de vervoerder: %1</translation>
    </message>
    <message>
        <source>bol.com: %1</source>
        <translation>bol.com: %1</translation>
    </message>
    <message>
        <source>bol.com refused the new track &amp; trace %1: %2</source>
        <translation>bol.com weigerde de nieuwe track &amp; trace %1: %2</translation>
    </message>
    <message>
        <source>Track &amp; trace correction %1 cancelled: not sent</source>
        <translation>Track &amp; trace-correctie %1 geannuleerd: niet verstuurd</translation>
    </message>
    <message>
        <source>New track &amp; trace %1 waits to be sent to bol.com</source>
        <translation>Nieuwe track &amp; trace %1 wacht op verzending naar bol.com</translation>
    </message>
    <message>
        <source>New track &amp; trace %1 sent: waiting for bol.com</source>
        <translation>Nieuwe track &amp; trace %1 verstuurd: wacht op bol.com</translation>
    </message>
    <message>
        <source>Queued: not yet sent to bol.com</source>
        <translation>In de wachtrij: nog niet naar bol.com verstuurd</translation>
    </message>
    <message>
        <source>Sent: waiting for bol.com&apos;s answer</source>
        <translation>Verstuurd: wacht op antwoord van bol.com</translation>
    </message>
    <message>
        <source>Confirmed by bol.com %1</source>
        <translation>Bevestigd door bol.com %1</translation>
    </message>
    <message>
        <source>Confirmed by bol.com</source>
        <translation>Bevestigd door bol.com</translation>
    </message>
    <message>
        <source>Failed at bol.com: %1</source>
        <translation type="vanished">Mislukt bij bol.com: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>geen reden opgegeven</translation>
    </message>
    <message>
        <source>Failed at bol.com</source>
        <translation>Mislukt bij bol.com</translation>
    </message>
    <message>
        <source>Cancelled: not sent to bol.com</source>
        <translation>Geannuleerd: niet naar bol.com verstuurd</translation>
    </message>
    <message>
        <source>This label has no stored PDF to print.</source>
        <translation>Van dit label is geen PDF bewaard om te printen.</translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation>Het label is niet geprint: %1</translation>
    </message>
    <message>
        <source>Label printed again on %1</source>
        <translation>Label opnieuw geprint op %1</translation>
    </message>
    <message>
        <source>Label saved again as %1</source>
        <translation>Label opnieuw opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Geplaatst</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation type="vanished">Bezorgen vóór</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>The customer asked to cancel</source>
        <translation>De klant vraagt om annulering</translation>
    </message>
    <message>
        <source>A line is not matched to a product</source>
        <translation>Een regel is niet aan een product gekoppeld</translation>
    </message>
    <message>
        <source>Oversold: the stock cannot serve this order — not picked until stock arrives (older orders first)</source>
        <translation>Oververkocht: de voorraad is er niet voor deze bestelling — wordt niet gepickt tot er voorraad komt (oudere bestellingen eerst)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>OrdersSection</name>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Search order, EAN, SKU or name (Ctrl+F)</source>
        <translation>Zoek order, EAN, SKU of naam (Ctrl+F)</translation>
    </message>
    <message>
        <source>Create pick list (%1)</source>
        <translation>Picklijst maken (%1)</translation>
    </message>
    <message>
        <source>Pick lists for today: %v of %m orders</source>
        <translation>Picklijsten voor vandaag: %v van %m orders</translation>
    </message>
    <message>
        <source>Create pick list</source>
        <translation>Picklijst maken</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Orders zoeken</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>%1: no cut-off set; showing what leaves today.</source>
        <translation>%1: geen sluittijd ingesteld; u ziet wat vandaag weggaat.</translation>
    </message>
    <message>
        <source>%1: after today&apos;s cut-off (%2): due tomorrow, %3. Showing what leaves tomorrow.</source>
        <translation>%1: na de sluittijd van vandaag (%2): door naar morgen, %3. U ziet wat morgen weggaat.</translation>
    </message>
    <message>
        <source>%1: cut-off today at %2; showing what leaves today.</source>
        <translation>%1: sluittijd vandaag om %2; u ziet wat vandaag weggaat.</translation>
    </message>
    <message numerus="yes">
        <source>at least %n order(s)</source>
        <translation>
            <numerusform>minstens %n order</numerusform>
            <numerusform>minstens %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one or more orders first.</source>
        <translation>Selecteer eerst een of meer orders.</translation>
    </message>
    <message>
        <source>Pick list %1 created with %2 order(s).</source>
        <translation>Picklijst %1 gemaakt met %2 order(s).</translation>
    </message>
    <message>
        <source>Left off: %1</source>
        <translation>Weggelaten: %1</translation>
    </message>
    <message>
        <source>Making pick lists of everything due today…</source>
        <translation>Picklijsten maken van alles wat vandaag weg moet…</translation>
    </message>
    <message numerus="yes">
        <source>%n pick list(s) made for today: %1.</source>
        <translation>
            <numerusform>%n picklijst gemaakt voor vandaag: %1.</numerusform>
            <numerusform>%n picklijsten gemaakt voor vandaag: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) on them, by deadline.</source>
        <translation>
            <numerusform>%n order erop, op deadline.</numerusform>
            <numerusform>%n orders erop, op deadline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Everything due today is on a pick list already (%n order(s)).</source>
        <translation>
            <numerusform>Alles wat vandaag weg moet, staat al op een picklijst (%n order).</numerusform>
            <numerusform>Alles wat vandaag weg moet, staat al op een picklijst (%n orders).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due today that can be picked.</source>
        <translation>Er moet vandaag niets weg dat gepickt kan worden.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Stock</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Zending</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulering</translation>
    </message>
    <message>
        <source>Track &amp; trace</source>
        <translation>Track &amp; trace</translation>
    </message>
    <message>
        <source>Return handling</source>
        <translation>Retourafhandeling</translation>
    </message>
    <message>
        <source>Return registration</source>
        <translation>Retourregistratie</translation>
    </message>
    <message>
        <source>bol.com label</source>
        <translation>bol.com-label</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <source>Sent, awaiting bol.com</source>
        <translation>Verstuurd, wacht op bol.com</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Stock {amount} for offer {offer}</source>
        <translation>Voorraad {amount} voor aanbieding {offer}</translation>
    </message>
    <message>
        <source>Order {order} via {transporter}</source>
        <translation>Order {order} via {transporter}</translation>
    </message>
    <message>
        <source>New track &amp; trace {code} ({transporter}) for order {order}</source>
        <translation>Nieuwe track &amp; trace {code} ({transporter}) voor bestelling {order}</translation>
    </message>
    <message>
        <source>Buy the label for order {order}</source>
        <translation>Label kopen voor bestelling {order}</translation>
    </message>
    <message>
        <source>Cancel item {item} of order {order}</source>
        <translation>Artikel {item} van order {order} annuleren</translation>
    </message>
</context>
<context>
    <name>OutboxSection</name>
    <message>
        <source>Retry now</source>
        <translation>Nu opnieuw proberen</translation>
    </message>
    <message>
        <source>Send the selected post again (Ctrl+R)</source>
        <translation>Het geselecteerde bericht opnieuw versturen (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cancel post…</source>
        <translation>Bericht annuleren…</translation>
    </message>
    <message>
        <source>Do not send the selected post (Delete)</source>
        <translation>Het geselecteerde bericht niet versturen (Delete)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Volgende poging</translation>
    </message>
    <message>
        <source>bol.com says</source>
        <translation>bol.com meldt</translation>
    </message>
    <message>
        <source>Select a post to see bol.com&apos;s full message</source>
        <translation>Selecteer een bericht om de volledige melding van bol.com te zien</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Uitgaande berichten</translation>
    </message>
    <message>
        <source>{total} waiting, {failed} failed</source>
        <translation>{total} wachtend, {failed} mislukt</translation>
    </message>
    <message>
        <source>Nothing waiting: bol.com is up to date</source>
        <translation>Niets wachtend: bol.com is bijgewerkt</translation>
    </message>
    <message>
        <source>bol.com says:</source>
        <translation>bol.com meldt:</translation>
    </message>
    <message>
        <source>This post will never be sent to bol.com.</source>
        <translation>Dit bericht wordt nooit naar bol.com gestuurd.</translation>
    </message>
    <message>
        <source>bol.com will not learn that this order was shipped; confirm the shipment on bol.com yourself.</source>
        <translation>bol.com hoort dan niet dat deze order is verzonden; bevestig de zending zelf op bol.com.</translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation>Bericht annuleren</translation>
    </message>
    <message>
        <source>Cancel “{what}”?</source>
        <translation>“{what}” annuleren?</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Log in as a manager to do this.</source>
        <translation>Log in als manager om dit te doen.</translation>
    </message>
    <message>
        <source>Only a manager may do this. {name} is logged in as a picker; ask a manager.</source>
        <translation>Alleen een manager mag dit. {name} is ingelogd als orderpicker; vraag een manager.</translation>
    </message>
    <message>
        <source>Manager only</source>
        <translation>Alleen voor managers</translation>
    </message>
</context>
<context>
    <name>PickListRulesPage</name>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel toevoegen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Try this rule earlier (Alt+Up in the list)</source>
        <translation>Deze regel eerder proberen (Alt+Omhoog in de lijst)</translation>
    </message>
    <message>
        <source>Try this rule later (Alt+Down in the list)</source>
        <translation>Deze regel later proberen (Alt+Omlaag in de lijst)</translation>
    </message>
    <message>
        <source>Pick-list rules, first tried on top</source>
        <translation>Picklijstregels, de bovenste wordt eerst geprobeerd</translation>
    </message>
    <message numerus="yes">
        <source>Orders no rule takes go on “Other orders”, at most %n orders a list.</source>
        <translation>
            <numerusform>Orders die geen regel neemt, gaan op “Overige orders”, hoogstens %n order per lijst.</numerusform>
            <numerusform>Orders die geen regel neemt, gaan op “Overige orders”, hoogstens %n orders per lijst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts appear here once saved</source>
        <translation>Accounts verschijnen hier zodra ze zijn opgeslagen</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Nieuwe regel</translation>
    </message>
    <message>
        <source>New rule %1</source>
        <translation>Nieuwe regel %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> en </translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>Geef de regel een naam.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>De naam is te lang.</translation>
    </message>
    <message>
        <source>Another rule is called “%1”.</source>
        <translation>Een andere regel heet al “%1”.</translation>
    </message>
    <message>
        <source>Choose 1 to %1 orders a list.</source>
        <translation>Kies 1 tot %1 orders per lijst.</translation>
    </message>
    <message>
        <source>“%1” is not a country code; use two letters such as NL or BE.</source>
        <translation>“%1” is geen landcode; gebruik twee letters, zoals NL of BE.</translation>
    </message>
    <message>
        <source>Rule “%1” has the same criteria as %2: change one of them or delete one.</source>
        <translation>Regel “%1” heeft dezelfde voorwaarden als %2: pas er een aan of verwijder er een.</translation>
    </message>
    <message>
        <source>Rule “%1” can never get an order: %2 before it take every order it matches. Move it up or narrow the rules before it.</source>
        <translation>Regel “%1” krijgt nooit een order: %2 erboven nemen elke order die erbij past. Zet hem hoger of maak de regels erboven smaller.</translation>
    </message>
</context>
<context>
    <name>PickListsModel</name>
    <message>
        <source>Other orders</source>
        <translation>Overige orders</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Met de hand</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Picklijst</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Gepickt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
</context>
<context>
    <name>PickListsSection</name>
    <message>
        <source>Pick lists</source>
        <translation>Picklijsten</translation>
    </message>
    <message>
        <source>Open in pick station (%1)</source>
        <translation>Openen in pickstation (%1)</translation>
    </message>
    <message>
        <source>Open in pick station</source>
        <translation>Openen in pickstation</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Gepickt</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>EAN / SKU</source>
        <translation>EAN / SKU</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No pick list selected</source>
        <translation>Geen picklijst geselecteerd</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <source>%1 order(s): %2</source>
        <translation>%1 order(s): %2</translation>
    </message>
    <message>
        <source>to pick</source>
        <translation>te pakken</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>gepakt</translation>
    </message>
    <message>
        <source>cancellation requested</source>
        <translation>annulering gevraagd</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>put back %1</source>
        <translation>%1 terugleggen</translation>
    </message>
</context>
<context>
    <name>PickStationSection</name>
    <message>
        <source>Pick &amp; pack</source>
        <translation>Picken &amp; inpakken</translation>
    </message>
    <message>
        <source>Put back — done (Enter)</source>
        <translation>Teruggelegd — klaar (Enter)</translation>
    </message>
    <message>
        <source>Scan a barcode</source>
        <translation>Scan een barcode</translation>
    </message>
    <message>
        <source>Units for the next scan (F2)</source>
        <translation>Stuks voor de volgende scan (F2)</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation>F2 Aantal</translation>
    </message>
    <message>
        <source>F4 Choose</source>
        <translation>F4 Kiezen</translation>
    </message>
    <message>
        <source>F8 Ship</source>
        <translation>F8 Verzenden</translation>
    </message>
    <message>
        <source>F9 Correct and resend</source>
        <translation>F9 Corrigeren en opnieuw versturen</translation>
    </message>
    <message>
        <source>Esc Leave</source>
        <translation>Esc Verlaten</translation>
    </message>
    <message>
        <source>Ctrl+N Not found</source>
        <translation type="vanished">Ctrl+N Niet gevonden</translation>
    </message>
    <message>
        <source>Ctrl+D Damaged</source>
        <translation type="vanished">Ctrl+D Beschadigd</translation>
    </message>
    <message>
        <source>Pick lists (batch picking)</source>
        <translation>Picklijsten (batchpicken)</translation>
    </message>
    <message>
        <source>Orders (single-order pick &amp; pack)</source>
        <translation>Orders (per order picken &amp; inpakken)</translation>
    </message>
    <message>
        <source>Pack: scan an order</source>
        <translation>Inpakken: scan een order</translation>
    </message>
    <message>
        <source>{code} is not in this order — leave it out</source>
        <translation>{code} hoort niet bij deze order — niet inpakken</translation>
    </message>
    <message>
        <source>{code}: wrong check digit — scan again or type it carefully</source>
        <translation>{code}: verkeerd controlecijfer — scan opnieuw of typ zorgvuldig</translation>
    </message>
    <message>
        <source>One too many: {title} needs {needed}, {picked} already picked</source>
        <translation type="vanished">Eén te veel: {title} heeft er {needed} nodig, {picked} al gepickt</translation>
    </message>
    <message>
        <source>One too many: this product is complete</source>
        <translation>Eén te veel: dit product is compleet</translation>
    </message>
    <message>
        <source>{title} was cancelled — do not pack it</source>
        <translation type="vanished">{title} is geannuleerd — niet inpakken</translation>
    </message>
    <message>
        <source>The quantity must be 1 to 9999</source>
        <translation>Het aantal moet 1 tot 9999 zijn</translation>
    </message>
    <message>
        <source>{holder} took this order over — you cannot scan it any more</source>
        <translation>{holder} heeft deze order overgenomen — je kunt er niet meer voor scannen</translation>
    </message>
    <message>
        <source>{code}: unknown code</source>
        <translation type="vanished">{code}: onbekende code</translation>
    </message>
    <message>
        <source>Put the cancelled items back first, then press Enter</source>
        <translation>Leg eerst de geannuleerde artikelen terug en druk dan op Enter</translation>
    </message>
    <message>
        <source>Scan a pick list or an order first</source>
        <translation>Scan eerst een picklijst of een order</translation>
    </message>
    <message>
        <source>✔ {title}   {picked} / {needed}</source>
        <translation>✔ {title}   {picked} / {needed}</translation>
    </message>
    <message>
        <source>Everything is picked. Now scan an order to pack it.</source>
        <translation>Alles is gepickt. Scan nu een order om die in te pakken.</translation>
    </message>
    <message>
        <source>{code}: no pick list or order with this code</source>
        <translation>{code}: geen picklijst of order met deze code</translation>
    </message>
    <message>
        <source>Pick list {code}: scan the products in this order</source>
        <translation>Picklijst {code}: scan de producten in deze volgorde</translation>
    </message>
    <message>
        <source>Order {order} was cancelled by the customer — do not pack it</source>
        <translation>Order {order} is door de klant geannuleerd — niet inpakken</translation>
    </message>
    <message>
        <source>Order {order} is already shipped</source>
        <translation>Order {order} is al verzonden</translation>
    </message>
    <message>
        <source>Order {order}: scan its items</source>
        <translation>Order {order}: scan de artikelen</translation>
    </message>
    <message>
        <source>{holder} is working on this order</source>
        <translation>{holder} werkt aan deze order</translation>
    </message>
    <message>
        <source>Order in use</source>
        <translation>Order in gebruik</translation>
    </message>
    <message>
        <source>{holder} is working on this order.
Take it over? They will be stopped at their next scan.</source>
        <translation>{holder} werkt aan deze order.
Overnemen? Die wordt bij de volgende scan gestopt.</translation>
    </message>
    <message>
        <source>Scan a pick list or an order</source>
        <translation>Scan een picklijst of een order</translation>
    </message>
    <message>
        <source>Or choose one below (F4)</source>
        <translation>Of kies er hieronder een (F4)</translation>
    </message>
    <message>
        <source>Pick list {code} — batch picking</source>
        <translation>Picklijst {code} — batchpicken</translation>
    </message>
    <message>
        <source>Walk the locations top to bottom; scan each unit</source>
        <translation>Loop de locaties van boven naar beneden af; scan elk stuk</translation>
    </message>
    <message>
        <source>{order}  {customer}
{packed} / {needed} packed · {status}</source>
        <translation>{order}  {customer}
{packed} / {needed} ingepakt · {status}</translation>
    </message>
    <message>
        <source>No sound at this desk</source>
        <translation>Geen geluid aan deze balie</translation>
    </message>
    <message>
        <source>{order}  {customer}   {packed} / {needed}  {status}</source>
        <translation type="vanished">{order}  {customer}   {packed} / {needed}  {status}</translation>
    </message>
    <message>
        <source> (from pick list {code})</source>
        <translation> (van picklijst {code})</translation>
    </message>
    <message>
        <source>Order {order} — {customer}</source>
        <translation>Order {order} — {customer}</translation>
    </message>
    <message>
        <source>Claimed by {who} · status {status}</source>
        <translation>Geclaimd door {who} · status {status}</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>• {n} × {title}  (EAN {ean}, location {location})</source>
        <translation>• {n} × {title}  (EAN {ean}, locatie {location})</translation>
    </message>
    <message>
        <source>STOP — the customer cancelled. Put back:
{items}</source>
        <translation>STOP — de klant heeft geannuleerd. Terugleggen:
{items}</translation>
    </message>
    <message>
        <source>STOP — the customer cancelled this order. Do not ship it.</source>
        <translation>STOP — de klant heeft deze order geannuleerd. Niet verzenden.</translation>
    </message>
    <message>
        <source>STOP — the customer cancelled a line. Nothing to put back; do not pack the cancelled line.</source>
        <translation>STOP — de klant heeft een regel geannuleerd. Niets terug te leggen; pak de geannuleerde regel niet in.</translation>
    </message>
    <message>
        <source>Order changed: cancelled by the customer</source>
        <translation>Order gewijzigd: geannuleerd door de klant</translation>
    </message>
    <message>
        <source>Cancelled by the customer</source>
        <translation>Geannuleerd door de klant</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Carry on scanning</source>
        <translation>Verder scannen</translation>
    </message>
    <message>
        <source>The shipment is being posted — wait for bol.com</source>
        <translation>De zending wordt doorgegeven — wacht op bol.com</translation>
    </message>
    <message>
        <source>Nothing picked yet — scan the items first</source>
        <translation>Nog niets gepickt — scan eerst de artikelen</translation>
    </message>
    <message>
        <source>Not shipped: the customer cancelled an item of this order</source>
        <translation type="vanished">Niet verzonden: de klant heeft een artikel van deze order geannuleerd</translation>
    </message>
    <message>
        <source>Not shipped: the order is already shipped or cancelled</source>
        <translation>Niet verzonden: de order is al verzonden of geannuleerd</translation>
    </message>
    <message>
        <source>Not shipped: put the cancelled items back first</source>
        <translation>Niet verzonden: leg eerst de geannuleerde artikelen terug</translation>
    </message>
    <message>
        <source>A partial shipment needs confirmation</source>
        <translation>Een deelzending moet worden bevestigd</translation>
    </message>
    <message>
        <source>Unknown transporter</source>
        <translation>Onbekende vervoerder</translation>
    </message>
    <message>
        <source>Not shipped: {reason}</source>
        <translation>Niet verzonden: {reason}</translation>
    </message>
    <message>
        <source>Posting the shipment to bol.com…</source>
        <translation>Zending doorgeven aan bol.com…</translation>
    </message>
    <message>
        <source>One too many: {title} needs {needed}, {picked} already picked — put this one back</source>
        <translation>Eén te veel: {title} heeft er {needed} nodig, {picked} al gepickt — leg deze terug</translation>
    </message>
    <message>
        <source>{title} was cancelled — do not pack it, put it back on the shelf</source>
        <translation>{title} is geannuleerd — niet inpakken, leg het terug in het schap</translation>
    </message>
    <message>
        <source>{code}: unknown code — scan the product&apos;s EAN, a pick list or an order</source>
        <translation>{code}: onbekende code — scan de EAN van het product, een picklijst of een bestelling</translation>
    </message>
    <message>
        <source>{title} ({code}) is not on this pick list — put it back</source>
        <translation>{title} ({code}) staat niet op deze picklijst — leg het terug</translation>
    </message>
    <message>
        <source>{code} is not on this pick list — put it back</source>
        <translation>{code} staat niet op deze picklijst — leg het terug</translation>
    </message>
    <message>
        <source>{title} ({code}) is not in this order — put it back and scan an item of the order</source>
        <translation>{title} ({code}) hoort niet bij deze bestelling — leg het terug en scan een artikel van de bestelling</translation>
    </message>
    <message>
        <source>Order {order} is not on pick list {code} — pack the orders of this list, or leave it with Esc first</source>
        <translation>Bestelling {order} staat niet op picklijst {code} — pak de bestellingen van deze lijst in, of verlaat de lijst eerst met Esc</translation>
    </message>
    <message>
        <source>Database busy, scan again: {code} was not counted</source>
        <translation>Database bezet, scan opnieuw: {code} is niet geteld</translation>
    </message>
    <message>
        <source>Database busy, scan again</source>
        <translation>Database bezet, scan opnieuw</translation>
    </message>
    <message>
        <source>The database refused this step ({error}); nothing was counted — try again</source>
        <translation>De database weigerde deze stap ({error}); er is niets geteld — probeer het opnieuw</translation>
    </message>
    <message>
        <source>Shipment queued: it is posted to bol.com with the next sync</source>
        <translation>Zending in de wachtrij: die gaat bij de volgende synchronisatie naar bol.com</translation>
    </message>
    <message>
        <source>bol.com refused the shipment: {error}</source>
        <translation>bol.com weigert de zending: {error}</translation>
    </message>
    <message>
        <source>Shipped — confirmed by bol.com. Scan the next order.</source>
        <translation>Verzonden — bevestigd door bol.com. Scan de volgende order.</translation>
    </message>
    <message>
        <source>Not shipped — see below</source>
        <translation>Niet verzonden — zie hieronder</translation>
    </message>
    <message>
        <source>Order {order}: shipped ({carrier} {code})</source>
        <translation>Order {order}: verzonden ({carrier} {code})</translation>
    </message>
    <message>
        <source>bol.com refused the shipment: {error}
Correct and resend with F9.</source>
        <translation>bol.com weigert de zending: {error}
Corrigeer en verstuur opnieuw met F9.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>geen reden opgegeven</translation>
    </message>
    <message>
        <source>Shipment stopped: {error}</source>
        <translation>Zending gestopt: {error}</translation>
    </message>
    <message>
        <source>cancelled by the customer</source>
        <translation>geannuleerd door de klant</translation>
    </message>
    <message>
        <source>Shipment {state}: waiting for bol.com</source>
        <translation>Zending {state}: wachten op bol.com</translation>
    </message>
    <message>
        <source>{units} × {title} damaged: in the Can&apos;t-fulfil queue, {written_off} written off the stock — set it aside</source>
        <translation>{units} × {title} beschadigd: in de lijst Niet leverbaar, {written_off} afgeboekt van de voorraad — leg het apart</translation>
    </message>
    <message>
        <source>{units} × {title} not found: in the Can&apos;t-fulfil queue</source>
        <translation>{units} × {title} niet gevonden: in de lijst Niet leverbaar</translation>
    </message>
    <message>
        <source>{title}: nothing open any more (shipped or cancelled) — nothing to report</source>
        <translation>{title}: staat niet meer open (verzonden of geannuleerd) — niets te melden</translation>
    </message>
    <message>
        <source>{title}: only {units} still to take — report at most that many (F2 sets the quantity)</source>
        <translation>{title}: nog maar {units} te pakken — meld er hooguit zoveel (F2 zet het aantal)</translation>
    </message>
    <message>
        <source>{title}: nothing to report</source>
        <translation>{title}: niets te melden</translation>
    </message>
    <message>
        <source>Nothing left to take from the shelf: no unit to report</source>
        <translation>Niets meer uit het schap te pakken: geen stuk te melden</translation>
    </message>
    <message>
        <source>The rest of the order ships now (a partial shipment)</source>
        <translation>De rest van de bestelling gaat nu weg (een deelzending)</translation>
    </message>
    <message>
        <source>Order {order} waits for the Can&apos;t-fulfil decision — leave what is packed with the order</source>
        <translation>Bestelling {order} wacht op het besluit over Niet leverbaar — laat wat ingepakt is bij de bestelling</translation>
    </message>
    <message>
        <source>Order {order} is oversold: the stock cannot serve it — do not pick it; older orders get the units first</source>
        <translation>Bestelling {order} is oververkocht: de voorraad is er niet voor — niet picken; oudere bestellingen krijgen de stuks eerst</translation>
    </message>
    <message>
        <source>bol.com recommends it</source>
        <translation>bol.com het aanbeveelt</translation>
    </message>
    <message>
        <source>the cheapest that arrives on time</source>
        <translation>het de goedkoopste is die op tijd aankomt</translation>
    </message>
    <message>
        <source>it fits through the letterbox: the cheapest mailbox label</source>
        <translation>het door de brievenbus past: het goedkoopste brievenbuslabel</translation>
    </message>
    <message>
        <source>bol.com recommends none: the cheapest on time</source>
        <translation>bol.com er geen aanbeveelt: de goedkoopste die op tijd is</translation>
    </message>
    <message>
        <source>bol.com&apos;s recommendation is late: the cheapest on time</source>
        <translation>de aanbeveling van bol.com te laat is: de goedkoopste die op tijd is</translation>
    </message>
    <message>
        <source>no mailbox label for these items: the cheapest on time</source>
        <translation>er geen brievenbuslabel is voor deze artikelen: de goedkoopste die op tijd is</translation>
    </message>
    <message>
        <source>mailbox labels are late: the cheapest on time</source>
        <translation>brievenbuslabels te laat zijn: de goedkoopste die op tijd is</translation>
    </message>
    <message>
        <source>no label arrives on time: confirm a late one</source>
        <translation>geen label op tijd aankomt: bevestig een te laat label</translation>
    </message>
    <message>
        <source>bol.com offers no label for these items</source>
        <translation>bol.com geen label aanbiedt voor deze artikelen</translation>
    </message>
    <message>
        <source>every offer of bol.com expired: press F8 to ask again</source>
        <translation>elk aanbod van bol.com verlopen is: druk op F8 om opnieuw te vragen</translation>
    </message>
    <message>
        <source>Asking bol.com which labels it offers…</source>
        <translation>bol.com vragen welke labels het aanbiedt…</translation>
    </message>
    <message>
        <source>bol.com did not answer with labels ({error}). Nothing was bought: press F8 to try again</source>
        <translation>bol.com antwoordde niet met labels ({error}). Er is niets gekocht: druk op F8 om het opnieuw te proberen</translation>
    </message>
    <message>
        <source>No label bought: {reason}. The order is under Problem; nothing was posted</source>
        <translation>Geen label gekocht: {reason}. De bestelling staat onder Probleem; er is niets verzonden</translation>
    </message>
    <message>
        <source>A bol.com label needs the sync to run: start it and press F8</source>
        <translation>Voor een bol.com-label moet de synchronisatie draaien: start die en druk op F8</translation>
    </message>
    <message>
        <source>Buying the bol.com label…</source>
        <translation>Het bol.com-label wordt gekocht…</translation>
    </message>
    <message>
        <source>Label bought ({code}), printing… then posting the shipment</source>
        <translation>Label gekocht ({code}), wordt geprint… daarna wordt de zending gemeld</translation>
    </message>
    <message>
        <source>bol.com is still processing the label: the sync finishes it and never buys it twice. Press F8 to look again</source>
        <translation>bol.com verwerkt het label nog: de synchronisatie maakt het af en koopt het nooit twee keer. Druk op F8 om opnieuw te kijken</translation>
    </message>
    <message>
        <source>No label: {error}. The order is under Problem; nothing was posted</source>
        <translation>Geen label: {error}. De bestelling staat onder Probleem; er is niets verzonden</translation>
    </message>
    <message>
        <source>Label printed on {printer}</source>
        <translation>Label geprint op {printer}</translation>
    </message>
    <message>
        <source>No label printer set: the label is saved as {path}</source>
        <translation>Geen labelprinter ingesteld: het label is opgeslagen als {path}</translation>
    </message>
    <message>
        <source>The label did not print ({error}); reprint it from the order (it is stored, nothing is bought again)</source>
        <translation>Het label is niet geprint ({error}); print het opnieuw vanuit de bestelling (het is bewaard, er wordt niets opnieuw gekocht)</translation>
    </message>
</context>
<context>
    <name>PreviousCrash</name>
    <message>
        <source>The desk stopped unexpectedly last time.</source>
        <translation>De desk is de vorige keer onverwacht gestopt.</translation>
    </message>
    <message>
        <source>The report is at {}. Send it to support if this happens again.</source>
        <translation>Het rapport staat in {}. Stuur het naar support als dit opnieuw gebeurt.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Preparing the pick list…</source>
        <translation>Picklijst wordt gemaakt…</translation>
    </message>
    <message>
        <source>Preparing the packing slip…</source>
        <translation>Pakbon wordt gemaakt…</translation>
    </message>
    <message>
        <source>The document could not be made.</source>
        <translation>Het document kon niet worden gemaakt.</translation>
    </message>
    <message>
        <source>The document could not be made. The log file has the details.</source>
        <translation>Het document kon niet worden gemaakt. Het logbestand bevat de details.</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>Print pick list…</source>
        <translation>Picklijst afdrukken…</translation>
    </message>
    <message>
        <source>Print packing slip…</source>
        <translation>Pakbon afdrukken…</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview: %1</source>
        <translation>Afdrukvoorbeeld: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n pagina</numerusform>
            <numerusform>%n pagina’s</numerusform>
        </translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Afdrukken (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>Opslaan als pdf (Ctrl+S)</translation>
    </message>
    <message>
        <source>The printer “%1” chosen in the settings is not available. Choose another printer in the next window, or change it in the settings.</source>
        <translation>De printer “%1” uit de instellingen is niet beschikbaar. Kies in het volgende venster een andere printer, of pas de instellingen aan.</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 afdrukken</translation>
    </message>
    <message>
        <source>Printing on %1…</source>
        <translation>Bezig met afdrukken op %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n pagina naar de printer gestuurd.</numerusform>
            <numerusform>%n pagina’s naar de printer gestuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer “%1” could not start printing. Check that it is switched on and connected, or choose another printer.</source>
        <translation>De printer “%1” kon niet beginnen met afdrukken. Controleer of hij aan staat en verbonden is, of kies een andere printer.</translation>
    </message>
    <message>
        <source>The document could not be prepared for the printer “%1”.</source>
        <translation>Het document kon niet worden voorbereid voor de printer “%1”.</translation>
    </message>
    <message>
        <source>Printing on “%1” failed.</source>
        <translation>Afdrukken op “%1” is mislukt.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Opslaan als pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 kon niet worden opgeslagen: %2</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Afdrukken</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>The stock amount bol.com had at the last sync</source>
        <translation>De voorraad die bol.com had bij de laatste synchronisatie</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Op voorraad</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Gereserveerd</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Stock at
bol.com</source>
        <translation>Voorraad bij
bol.com</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maten</translation>
    </message>
    <message>
        <source>Not all known: the desk cannot tell whether an order of it fits a mailbox parcel (F3 to edit)</source>
        <translation>Niet alles bekend: de desk kan niet zeggen of een bestelling ervan als brievenbuspakje kan (F3 om te wijzigen)</translation>
    </message>
    <message>
        <source>Stock at bol.com</source>
        <translation type="vanished">Voorraad bij bol.com</translation>
    </message>
    <message>
        <source>Oversold: more reserved than on hand</source>
        <translation>Oververkocht: meer gereserveerd dan op voorraad</translation>
    </message>
    <message>
        <source>No bol.com offer for this product</source>
        <translation>Geen bol.com-aanbieding voor dit product</translation>
    </message>
</context>
<context>
    <name>ProductsSection</name>
    <message>
        <source>Product list</source>
        <translation>Productlijst</translation>
    </message>
    <message>
        <source>Search EAN, SKU, title or location (Ctrl+F)</source>
        <translation>Zoek EAN, SKU, titel of locatie (Ctrl+F)</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>Goederenontvangst</translation>
    </message>
    <message>
        <source>Sale/return elsewhere…</source>
        <translation>Verkoop/retour elders…</translation>
    </message>
    <message>
        <source>Import stock count…</source>
        <translation type="vanished">Voorraadtelling importeren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation>Voorraadtelling…</translation>
    </message>
    <message>
        <source>Weight and size…</source>
        <translation>Gewicht en maat…</translation>
    </message>
    <message>
        <source>Import a CSV file: stock count (Ctrl+I), weight and size (Ctrl+Shift+I)</source>
        <translation>Een CSV-bestand importeren: voorraadtelling (Ctrl+I), gewicht en maat (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Location…</source>
        <translation>Locatie…</translation>
    </message>
    <message>
        <source>Size…</source>
        <translation>Maten…</translation>
    </message>
    <message>
        <source>Weight and dimensions of one unit (F3)</source>
        <translation>Gewicht en afmetingen van één stuk (F3)</translation>
    </message>
    <message>
        <source>Adjust stock…</source>
        <translation>Voorraad aanpassen…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Producten</translation>
    </message>
    <message>
        <source>No products</source>
        <translation>Geen producten</translation>
    </message>
    <message>
        <source>No product matches “{search}”</source>
        <translation>Geen product gevonden voor “{search}”</translation>
    </message>
    <message>
        <source>{first}–{last} of {total} products</source>
        <translation>{first}–{last} van {total} producten</translation>
    </message>
    <message>
        <source>weight and size unknown</source>
        <translation>gewicht en maten onbekend</translation>
    </message>
    <message>
        <source>fits a mailbox parcel</source>
        <translation>past als brievenbuspakje</translation>
    </message>
    <message>
        <source>too big or heavy for a mailbox parcel</source>
        <translation>te groot of te zwaar voor een brievenbuspakje</translation>
    </message>
    <message>
        <source>mailbox parcel: unknown until weight and size are known (F3)</source>
        <translation>brievenbuspakje: onbekend zolang gewicht en maten niet bekend zijn (F3)</translation>
    </message>
    <message>
        <source>Manager only</source>
        <translation>Alleen voor managers</translation>
    </message>
    <message>
        <source>Select a product first</source>
        <translation>Selecteer eerst een product</translation>
    </message>
</context>
<context>
    <name>RegisterReturnDialog</name>
    <message>
        <source>Return bol.com never announced</source>
        <translation>Retour die bol.com niet heeft aangemeld</translation>
    </message>
    <message>
        <source>Scan or type the order id, then Enter</source>
        <translation>Scan of typ het ordernummer, dan Enter</translation>
    </message>
    <message>
        <source>Find order</source>
        <translation>Order zoeken</translation>
    </message>
    <message>
        <source>Register at bol.com</source>
        <translation>Aanmelden bij bol.com</translation>
    </message>
    <message>
        <source>{title}  EAN {ean}  ({count} returnable)</source>
        <translation>{title}  EAN {ean}  ({count} terug te nemen)</translation>
    </message>
    <message>
        <source>Order {order}: choose the line and how it is handled.</source>
        <translation>Order {order}: kies de regel en hoe die wordt afgehandeld.</translation>
    </message>
    <message>
        <source>The desk could not do this: {error}</source>
        <translation>De desk kon dit niet doen: {error}</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <source>Return received</source>
        <translation>Retour ontvangen</translation>
    </message>
    <message>
        <source>Exchange the product</source>
        <translation>Product omruilen</translation>
    </message>
    <message>
        <source>Does not meet the return conditions</source>
        <translation>Voldoet niet aan de retourvoorwaarden</translation>
    </message>
    <message>
        <source>Repair the product</source>
        <translation>Product repareren</translation>
    </message>
    <message>
        <source>Customer keeps the product (paid)</source>
        <translation>Klant houdt het product (betaald)</translation>
    </message>
    <message>
        <source>Approved after all</source>
        <translation>Alsnog goedgekeurd</translation>
    </message>
    <message>
        <source>To handle</source>
        <translation>Af te handelen</translation>
    </message>
    <message>
        <source>Waiting for bol.com</source>
        <translation>Wacht op bol.com</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Refused by bol.com</source>
        <translation>Geweigerd door bol.com</translation>
    </message>
    <message>
        <source>Back to stock</source>
        <translation>Terug op voorraad</translation>
    </message>
    <message>
        <source>Write off (manager)</source>
        <translation>Afschrijven (manager)</translation>
    </message>
    <message>
        <source>Nothing to stock</source>
        <translation>Niets naar voorraad</translation>
    </message>
    <message>
        <source>This return item was already handled ({result}); it cannot be handled twice.</source>
        <translation>Dit retourartikel is al afgehandeld ({result}); het kan niet twee keer worden afgehandeld.</translation>
    </message>
    <message>
        <source>The quantity must be 1 to {expected}: the customer returned {expected}.</source>
        <translation>Het aantal moet 1 tot {expected} zijn: de klant stuurde er {expected} terug.</translation>
    </message>
    <message>
        <source>The desk knows no product with EAN {ean}; add it before the units go to stock.</source>
        <translation>De desk kent geen product met EAN {ean}; voeg het toe voordat de stuks op voorraad gaan.</translation>
    </message>
    <message>
        <source>The desk never imported order {order}; a return can only be registered for an order the desk knows.</source>
        <translation>De desk heeft order {order} nooit geïmporteerd; een retour kan alleen worden aangemeld voor een order die de desk kent.</translation>
    </message>
    <message>
        <source>No shipped unit of order {order} is left to return.</source>
        <translation>Van order {order} is geen verzonden stuk meer over om te retourneren.</translation>
    </message>
    <message>
        <source>No return matches {code}.</source>
        <translation>Geen retour gevonden voor {code}.</translation>
    </message>
    <message>
        <source>This return item&apos;s handling is already on its way to bol.com.</source>
        <translation>De afhandeling van dit retourartikel is al onderweg naar bol.com.</translation>
    </message>
    <message>
        <source>Choose one of bol.com&apos;s handling results.</source>
        <translation>Kies een van de afhandelingen van bol.com.</translation>
    </message>
    <message>
        <source>Choose the location the units go back to.</source>
        <translation>Kies de locatie waar de stuks naartoe gaan.</translation>
    </message>
    <message>
        <source>Give the reason for the write-off.</source>
        <translation>Geef de reden van de afschrijving.</translation>
    </message>
    <message>
        <source>The customer keeps the product: nothing goes to stock.</source>
        <translation>De klant houdt het product: er gaat niets naar de voorraad.</translation>
    </message>
    <message>
        <source>Only a manager may write off returned units.</source>
        <translation>Alleen een manager mag retour gekomen stuks afschrijven.</translation>
    </message>
    <message>
        <source>This return item no longer exists.</source>
        <translation>Dit retourartikel bestaat niet meer.</translation>
    </message>
    <message>
        <source>Scan or type a track &amp; trace, order id or EAN.</source>
        <translation>Scan of typ een track &amp; trace, ordernummer of EAN.</translation>
    </message>
</context>
<context>
    <name>ReturnsSection</name>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Scan the return parcel&apos;s track &amp; trace, the order id or the EAN</source>
        <translation>Scan de track &amp; trace van het retourpakket, het ordernummer of de EAN</translation>
    </message>
    <message>
        <source>Unannounced return…</source>
        <translation>Niet-aangemelde retour…</translation>
    </message>
    <message>
        <source>Register a return bol.com never announced, from its order ({key})</source>
        <translation>Een retour die bol.com niet heeft aangemeld registreren vanuit de order ({key})</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Returns per product and reason ({key})</source>
        <translation>Retouren per product en reden ({key})</translation>
    </message>
    <message>
        <source>To handle</source>
        <translation>Af te handelen</translation>
    </message>
    <message>
        <source>Waiting for bol.com</source>
        <translation>Wacht op bol.com</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Filter by order, EAN, title or track &amp; trace (Ctrl+F)</source>
        <translation>Filter op order, EAN, titel of track &amp; trace (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Track &amp; trace</source>
        <translation>Track &amp; trace</translation>
    </message>
    <message>
        <source>Handle at bol.com ({key})</source>
        <translation>Afhandelen bij bol.com ({key})</translation>
    </message>
    <message>
        <source>{count} shown, {close} due soon</source>
        <translation>{count} getoond, {close} bijna te laat</translation>
    </message>
    <message>
        <source>Handle this return soon: bol.com&apos;s deadline is close or past</source>
        <translation>Handel deze retour snel af: de termijn van bol.com is bijna of al verstreken</translation>
    </message>
    <message>
        <source>The desk could not do this: {error}</source>
        <translation>De desk kon dit niet doen: {error}</translation>
    </message>
    <message>
        <source>Return of order {order} opened: choose the handling.</source>
        <translation>Retour van order {order} geopend: kies de afhandeling.</translation>
    </message>
    <message>
        <source>{count} more item(s) of this scan to handle.</source>
        <translation>Nog {count} artikel(en) van deze scan af te handelen.</translation>
    </message>
    <message>
        <source>This return was already handled: {result}.</source>
        <translation>Deze retour is al afgehandeld: {result}.</translation>
    </message>
    <message>
        <source>Scan a return parcel or choose a return in the list.</source>
        <translation>Scan een retourpakket of kies een retour in de lijst.</translation>
    </message>
    <message>
        <source>Order {order} · RMA {rma} · EAN {ean}</source>
        <translation>Order {order} · RMA {rma} · EAN {ean}</translation>
    </message>
    <message>
        <source>Registered {registered}, handle by {deadline}</source>
        <translation>Aangemeld {registered}, afhandelen vóór {deadline}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reden: {reason}</translation>
    </message>
    <message>
        <source>Customer: “{comments}”</source>
        <translation>Klant: “{comments}”</translation>
    </message>
    <message>
        <source>Return parcel: {transporter} {code}</source>
        <translation>Retourpakket: {transporter} {code}</translation>
    </message>
    <message>
        <source>The desk never imported this order.</source>
        <translation>De desk heeft deze order nooit geïmporteerd.</translation>
    </message>
    <message>
        <source>Returned: {count}  ·  {state}</source>
        <translation>Retour: {count}  ·  {state}</translation>
    </message>
    <message>
        <source>{result}, {quantity} unit(s): {where}; by {who}</source>
        <translation>{result}, {quantity} stuk(s): {where}; door {who}</translation>
    </message>
    <message>
        <source>bol.com refused: {message}</source>
        <translation>bol.com weigerde: {message}</translation>
    </message>
    <message>
        <source>{result} for order {order} goes to bol.com; stock follows when bol.com confirms.</source>
        <translation>{result} voor order {order} gaat naar bol.com; de voorraad volgt zodra bol.com bevestigt.</translation>
    </message>
    <message>
        <source>The return was registered; it goes to bol.com.</source>
        <translation>De retour is geregistreerd; hij gaat naar bol.com.</translation>
    </message>
    <message>
        <source>Export returns</source>
        <translation>Retouren exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>{count} row(s) written to {file}</source>
        <translation>{count} regel(s) geschreven naar {file}</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Het bestand kon niet worden geschreven: {error}</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Rule &amp;name</source>
        <translation>&amp;Naam van de regel</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Deadline</translation>
    </message>
    <message>
        <source>Delivery &amp;countries</source>
        <translation>&amp;Leveringslanden</translation>
    </message>
    <message>
        <source>Shi&amp;pped</source>
        <translation>&amp;Verzonden</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Omvang</translation>
    </message>
    <message>
        <source>At &amp;most</source>
        <translation>&amp;Hoogstens</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Elke deadline</translation>
    </message>
    <message>
        <source>Due today (by the cut-off, late ones too)</source>
        <translation>Vandaag weg (volgens de sluittijd, ook te late)</translation>
    </message>
    <message>
        <source>Due later</source>
        <translation>Later weg</translation>
    </message>
    <message>
        <source>Any way</source>
        <translation>Op elke manier</translation>
    </message>
    <message>
        <source>Via bol</source>
        <translation>Via bol</translation>
    </message>
    <message>
        <source>With our own carrier</source>
        <translation>Met onze eigen vervoerder</translation>
    </message>
    <message>
        <source>e.g. Singles via bol</source>
        <translation>bijv. Singles via bol</translation>
    </message>
    <message>
        <source>Any country; or codes such as NL, BE</source>
        <translation>Elk land; of codes zoals NL, BE</translation>
    </message>
    <message>
        <source>Only orders of one unit (singles, packed straight from the batch)</source>
        <translation>Alleen orders van één stuk (singles, direct uit de batch ingepakt)</translation>
    </message>
    <message>
        <source> orders a list</source>
        <translation> orders per lijst</translation>
    </message>
    <message>
        <source>An order goes on the list of the first rule it matches; when that list is full or being picked, a new list of the rule starts.</source>
        <translation>Een order gaat op de lijst van de eerste regel waar hij bij past; is die lijst vol of wordt hij al gepickt, dan begint een nieuwe lijst van die regel.</translation>
    </message>
</context>
<context>
    <name>ScannerGroup</name>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Keyboard &amp;layout</source>
        <translation>Toetsenbord&amp;indeling</translation>
    </message>
    <message>
        <source>&amp;Prefix</source>
        <translation>&amp;Voorvoegsel</translation>
    </message>
    <message>
        <source>&amp;Suffix</source>
        <translation>&amp;Achtervoegsel</translation>
    </message>
    <message>
        <source>Scanner &amp;test</source>
        <translation>Scanner&amp;test</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Binnengekomen</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Gelezen als</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hoe</translation>
    </message>
    <message>
        <source>The desk would</source>
        <translation>De desk zou</translation>
    </message>
    <message>
        <source>Recognise by itself</source>
        <translation>Zelf herkennen</translation>
    </message>
    <message>
        <source>QWERTY (as typed)</source>
        <translation>QWERTY (zoals getypt)</translation>
    </message>
    <message>
        <source>AZERTY (Belgium)</source>
        <translation>AZERTY (België)</translation>
    </message>
    <message>
        <source>AZERTY (France)</source>
        <translation>AZERTY (Frankrijk)</translation>
    </message>
    <message>
        <source>QWERTZ (Germany)</source>
        <translation>QWERTZ (Duitsland)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Scan any barcode here</source>
        <translation>Scan hier een willekeurige barcode</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(niets)</translation>
    </message>
    <message>
        <source>as it arrived</source>
        <translation>zoals het binnenkwam</translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <source>prefix removed</source>
        <translation>voorvoegsel verwijderd</translation>
    </message>
    <message>
        <source>suffix removed</source>
        <translation>achtervoegsel verwijderd</translation>
    </message>
    <message>
        <source>control characters removed</source>
        <translation>stuurtekens verwijderd</translation>
    </message>
    <message>
        <source>typed through a QWERTZ keyboard</source>
        <translation>getypt via een QWERTZ-toetsenbord</translation>
    </message>
    <message>
        <source>GTIN-14 read from GS1 (01)</source>
        <translation>GTIN-14 gelezen uit GS1 (01)</translation>
    </message>
    <message>
        <source>UPC-E expanded to EAN-13</source>
        <translation>UPC-E uitgebreid tot EAN-13</translation>
    </message>
    <message>
        <source>typed through an %1 keyboard</source>
        <translation>getypt via een %1-toetsenbord</translation>
    </message>
    <message>
        <source>symbology identifier %1 removed</source>
        <translation>symbologie-aanduiding %1 verwijderd</translation>
    </message>
    <message>
        <source>Product with EAN %1</source>
        <translation>Product met EAN %1</translation>
    </message>
    <message>
        <source>Refused: the check digit of %1 is wrong</source>
        <translation>Geweigerd: het controlecijfer van %1 klopt niet</translation>
    </message>
    <message>
        <source>Open pick list %1</source>
        <translation>Picklijst %1 openen</translation>
    </message>
    <message>
        <source>Open order %1</source>
        <translation>Bestelling %1 openen</translation>
    </message>
    <message>
        <source>Refused: %1 is not a code the desk knows</source>
        <translation>Geweigerd: %1 is geen code die de desk kent</translation>
    </message>
    <message>
        <source>%1, %2 units</source>
        <translation>%1, %2 stuks</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Reading the accounts…</source>
        <translation>Accounts worden gelezen…</translation>
    </message>
    <message>
        <source>The pick-list rules could not be read: {}</source>
        <translation>De picklijstregels konden niet worden gelezen: {}</translation>
    </message>
    <message>
        <source>The accounts could not be read: {}</source>
        <translation>De accounts konden niet worden gelezen: {}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>bol.com accounts</source>
        <translation>bol.com-accounts</translation>
    </message>
    <message>
        <source>Pick lists</source>
        <translation>Picklijsten</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Werkplek</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>De instellingen opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>The accounts could not be saved: {}</source>
        <translation>De accounts konden niet worden opgeslagen: {}</translation>
    </message>
    <message>
        <source>The accounts are saved, but the pick-list rules could not be: {}</source>
        <translation>De accounts zijn opgeslagen, maar de picklijstregels niet: {}</translation>
    </message>
    <message>
        <source>The workstation settings could not be saved: {}</source>
        <translation>De werkplekinstellingen konden niet worden opgeslagen: {}</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <source>Ship order {order}</source>
        <translation>Order {order} verzenden</translation>
    </message>
    <message>
        <source>Ship {units} unit(s) of order {order}</source>
        <translation>{units} stuk(s) van order {order} verzenden</translation>
    </message>
    <message>
        <source>Partial shipment: ship only the {units} picked unit(s); {rest} unit(s) stay open</source>
        <translation>Deelzending: alleen de {units} gepickte stuk(s) verzenden; {rest} stuk(s) blijven open</translation>
    </message>
    <message>
        <source>Transporter</source>
        <translation type="vanished">Vervoerder</translation>
    </message>
    <message>
        <source>&amp;Transporter</source>
        <translation>&amp;Vervoerder</translation>
    </message>
    <message>
        <source>Last used at this desk: %1 (Alt+L to use)</source>
        <translation>Laatst gebruikt aan deze balie: %1 (Alt+L om te kiezen)</translation>
    </message>
    <message>
        <source>Scan or type the track &amp; trace</source>
        <translation>Scan of typ de track &amp; trace</translation>
    </message>
    <message>
        <source>Track &amp;&amp; trace</source>
        <translation>Track &amp;&amp; trace</translation>
    </message>
    <message>
        <source>I checked this code: use it anyway</source>
        <translation type="vanished">Ik heb deze code gecontroleerd: toch gebruiken</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>Choose a carrier first: type its bol.com code or name.</source>
        <translation>Kies eerst een vervoerder: typ de bol.com-code of de naam.</translation>
    </message>
    <message>
        <source>Tick the partial shipment box to ship only the picked units.</source>
        <translation>Vink deelzending aan om alleen de gepickte stuks te verzenden.</translation>
    </message>
</context>
<context>
    <name>ShippingGroup</name>
    <message>
        <source>Shipping</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>S&amp;hip orders</source>
        <translation>Bestellingen &amp;verzenden</translation>
    </message>
    <message>
        <source>bol.com &amp;label to buy</source>
        <translation>Te kopen bol.com-&amp;label</translation>
    </message>
    <message>
        <source>With our own carrier (track &amp; trace)</source>
        <translation>Met onze eigen vervoerder (track &amp; trace)</translation>
    </message>
    <message>
        <source>Via bol (buy the bol.com label)</source>
        <translation>Via bol (het bol.com-label kopen)</translation>
    </message>
    <message>
        <source>As bol.com says for each order</source>
        <translation>Zoals bol.com per bestelling aangeeft</translation>
    </message>
    <message>
        <source>The one bol.com recommends</source>
        <translation>Het label dat bol.com aanbeveelt</translation>
    </message>
    <message>
        <source>The cheapest that arrives on time</source>
        <translation>Het goedkoopste dat op tijd aankomt</translation>
    </message>
    <message>
        <source>Mailbox package when it fits</source>
        <translation>Brievenbuspakje als het past</translation>
    </message>
</context>
<context>
    <name>ShortPickGroup</name>
    <message>
        <source>A unit not found or damaged (Ctrl+N, Ctrl+D at the station)</source>
        <translation type="vanished">Een stuk niet gevonden of beschadigd (Ctrl+N, Ctrl+D bij het station)</translation>
    </message>
    <message>
        <source>Ship the rest of the order now (a partial shipment)</source>
        <translation type="vanished">De rest van de bestelling nu verzenden (een deelzending)</translation>
    </message>
    <message>
        <source>Let the order wait until the manager decides</source>
        <translation type="vanished">De bestelling laten wachten tot de manager beslist</translation>
    </message>
</context>
<context>
    <name>ShortPickOption</name>
    <message>
        <source>S&amp;hort pick</source>
        <translation>Te&amp;kort bij picken</translation>
    </message>
    <message>
        <source>Ship the rest at once (partial shipment), else wait</source>
        <translation>Rest meteen verzenden (deelzending), anders wachten</translation>
    </message>
    <message>
        <source>Ship the rest at once (a partial shipment); else the order waits</source>
        <translation type="vanished">De rest meteen verzenden (deelzending); anders wacht de bestelling</translation>
    </message>
    <message>
        <source>A unit not found (Ctrl+N) or damaged (Ctrl+D) at the station goes to Can&apos;t fulfil. Ticked: the rest of the order ships now. Not ticked: the order waits until the manager decides.</source>
        <translation>Een stuk dat bij het station niet gevonden (Ctrl+N) of beschadigd (Ctrl+D) is, gaat naar Niet leverbaar. Aangevinkt: de rest van de bestelling gaat nu weg. Niet aangevinkt: de bestelling wacht tot de manager beslist.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>HaydiGO Desk already runs for this profile. Switch to its window.</source>
        <translation>HaydiGO Desk draait al voor dit profiel. Ga naar dat venster.</translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>The database address is not valid. Correct --database-url or HAYDIGO_DATABASE_URL (for example sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE).</source>
        <translation>Het databaseadres is niet geldig. Verbeter --database-url of HAYDIGO_DATABASE_URL (bijvoorbeeld sqlite:///PAD of postgresql+psycopg://GEBRUIKER@HOST/DATABASE).</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check that it runs and that the address, user and password are right.</source>
        <translation>De databaseserver is niet bereikbaar. Controleer of hij draait en of adres, gebruiker en wachtwoord kloppen.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a HaydiGO Desk database. Nothing was changed: restore a backup, or move the file away to start a new one.</source>
        <translation>Het databasebestand is beschadigd of is geen HaydiGO Desk-database. Er is niets gewijzigd: zet een back-up terug, of verplaats het bestand om met een nieuwe te beginnen.</translation>
    </message>
    <message>
        <source>The database was made by a newer version of HaydiGO Desk. Nothing was changed: update HaydiGO Desk on this computer.</source>
        <translation>De database is gemaakt door een nieuwere versie van HaydiGO Desk. Er is niets gewijzigd: werk HaydiGO Desk op deze computer bij.</translation>
    </message>
    <message>
        <source>The database cannot be written here. Make the file and its folder writable, or choose another database.</source>
        <translation>Hier kan niet in de database worden geschreven. Maak het bestand en de map beschrijfbaar, of kies een andere database.</translation>
    </message>
    <message>
        <source>The data folder cannot be created or used. Make it a writable folder, or choose another database.</source>
        <translation>De gegevensmap kan niet worden gemaakt of gebruikt. Maak er een beschrijfbare map van, of kies een andere database.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and start the desk again; nothing was lost.</source>
        <translation>De schijf is vol. Maak ruimte vrij en start de desk opnieuw; er is niets verloren gegaan.</translation>
    </message>
    <message>
        <source>Writing to the disk failed: it may be full or failing. Free some space or check the disk, then start the desk again.</source>
        <translation>Schrijven naar de schijf is mislukt: hij is misschien vol of defect. Maak ruimte vrij of controleer de schijf en start de desk daarna opnieuw.</translation>
    </message>
    <message>
        <source>The database answered with an error. Nothing was changed; the details are in the log file.</source>
        <translation>De database gaf een fout. Er is niets gewijzigd; de details staan in het logbestand.</translation>
    </message>
    <message>
        <source>The desk cannot start</source>
        <translation>De desk kan niet starten</translation>
    </message>
</context>
<context>
    <name>StationLayout</name>
    <message>
        <source>Put back — done (Enter)</source>
        <translation type="obsolete">Teruggelegd — klaar (Enter)</translation>
    </message>
    <message>
        <source>Scan a barcode</source>
        <translation type="obsolete">Scan een barcode</translation>
    </message>
    <message>
        <source>Units for the next scan (F2)</source>
        <translation type="obsolete">Stuks voor de volgende scan (F2)</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation type="obsolete">F2 Aantal</translation>
    </message>
    <message>
        <source>F4 Choose</source>
        <translation type="obsolete">F4 Kiezen</translation>
    </message>
    <message>
        <source>F8 Ship</source>
        <translation type="obsolete">F8 Verzenden</translation>
    </message>
    <message>
        <source>F9 Correct and resend</source>
        <translation type="obsolete">F9 Corrigeren en opnieuw versturen</translation>
    </message>
    <message>
        <source>Esc Leave</source>
        <translation type="obsolete">Esc Verlaten</translation>
    </message>
    <message>
        <source>Pick lists (batch picking)</source>
        <translation type="obsolete">Picklijsten (batchpicken)</translation>
    </message>
    <message>
        <source>Orders (single-order pick &amp; pack)</source>
        <translation type="obsolete">Orders (per order picken &amp; inpakken)</translation>
    </message>
    <message>
        <source>Pack: scan an order</source>
        <translation type="obsolete">Inpakken: scan een order</translation>
    </message>
</context>
<context>
    <name>StationLinesModel</name>
    <message>
        <source>Image</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Gepickt</translation>
    </message>
    <message>
        <source>{title}  (cancelled)</source>
        <translation>{title}  (geannuleerd)</translation>
    </message>
    <message>
        <source>✔ {n} shipped</source>
        <translation>✔ {n} verzonden</translation>
    </message>
    <message>
        <source>put back {n}</source>
        <translation>{n} terugleggen</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Wordt gepickt</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Ingepakt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>StockCount</name>
    <message>
        <source>No EAN or SKU on this line</source>
        <translation>Geen EAN of SKU op deze regel</translation>
    </message>
    <message>
        <source>Not a valid EAN (wrong check digit or length)</source>
        <translation>Geen geldige EAN (verkeerd controlecijfer of lengte)</translation>
    </message>
    <message>
        <source>Unknown: no product with this code</source>
        <translation>Onbekend: geen product met deze code</translation>
    </message>
    <message>
        <source>Quantity “{value}” is not a whole number from 0 up</source>
        <translation>Aantal “{value}” is geen heel getal vanaf 0</translation>
    </message>
    <message>
        <source>Counted more than once (also on line {value}); count it once</source>
        <translation>Meer dan eens geteld (ook op regel {value}); tel het één keer</translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <source>Import stock count</source>
        <translation>Voorraadtelling importeren</translation>
    </message>
    <message>
        <source>Choose CSV file…</source>
        <translation type="vanished">CSV-bestand kiezen…</translation>
    </message>
    <message>
        <source>A header with EAN or SKU and quantity (aantal); separated by ; or ,</source>
        <translation>Een kopregel met EAN of SKU en aantal (quantity); gescheiden door ; of ,</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Geteld</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Problems: these lines will not be applied</source>
        <translation type="vanished">Problemen: deze regels worden niet verwerkt</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="vanished">Code</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="vanished">Probleem</translation>
    </message>
    <message>
        <source>Required, e.g. stock count week 48</source>
        <translation>Verplicht, bijv. voorraadtelling week 48</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Apply count</source>
        <translation>Telling verwerken</translation>
    </message>
    <message>
        <source>Stock count file</source>
        <translation type="vanished">Bestand met voorraadtelling</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation type="vanished">CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation type="vanished">Kan {file} niet lezen: {error}</translation>
    </message>
    <message>
        <source>Apply only the valid lines and skip the {count} problem line(s)</source>
        <translation type="vanished">Alleen de geldige regels verwerken en de {count} probleemregel(s) overslaan</translation>
    </message>
    <message>
        <source>{lines} line(s) read: {changes} product(s) change, {same} unchanged, {problems} problem(s).</source>
        <translation>{lines} regel(s) gelezen: {changes} product(en) gewijzigd, {same} ongewijzigd, {problems} probleem/problemen.</translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Onderbroken</translation>
    </message>
    <message>
        <source>Orders updated</source>
        <translation>Orders gewijzigd</translation>
    </message>
    <message>
        <source>Orders filtered (country)</source>
        <translation>Orders gefilterd (land)</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Annuleringen</translation>
    </message>
    <message>
        <source>Products new</source>
        <translation>Producten nieuw</translation>
    </message>
    <message>
        <source>Products updated</source>
        <translation>Producten gewijzigd</translation>
    </message>
    <message>
        <source>Stock updates sent</source>
        <translation>Voorraadupdates verstuurd</translation>
    </message>
    <message>
        <source>Shipments confirmed</source>
        <translation>Zendingen bevestigd</translation>
    </message>
    <message>
        <source>Shipments failed</source>
        <translation>Zendingen mislukt</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API-aanroepen</translation>
    </message>
    <message>
        <source>Rate limited (429)</source>
        <translation>Afgeremd (429)</translation>
    </message>
    <message>
        <source>Orders new</source>
        <translation>Orders nieuw</translation>
    </message>
</context>
<context>
    <name>SyncLogSection</name>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Start a sync cycle now (F5)</source>
        <translation>Nu een synchronisatie starten (F5)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Orders
new/upd./filtered</source>
        <translation>Orders
nieuw/gewijz./gefilterd</translation>
    </message>
    <message>
        <source>Cancel-
lations</source>
        <translation>Annule-
ringen</translation>
    </message>
    <message>
        <source>Products
new/updated</source>
        <translation>Producten
nieuw/gewijzigd</translation>
    </message>
    <message>
        <source>Stock
updates</source>
        <translation>Voorraad-
updates</translation>
    </message>
    <message>
        <source>Shipments
ok/failed</source>
        <translation>Zendingen
ok/mislukt</translation>
    </message>
    <message>
        <source>API
calls</source>
        <translation>API-
aanroepen</translation>
    </message>
    <message>
        <source>429s</source>
        <translation>429’s</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Select a run to see its counts and errors</source>
        <translation>Selecteer een run om de aantallen en fouten te zien</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Synchronisatielog</translation>
    </message>
    <message>
        <source>bol.com labels today: %1 (%2 excl. VAT)</source>
        <translation>bol.com-labels vandaag: %1 (%2 excl. btw)</translation>
    </message>
    <message>
        <source>{account} — {outcome}, {duration}</source>
        <translation>{account} — {outcome}, {duration}</translation>
    </message>
    <message>
        <source>Full order sweep</source>
        <translation>Volledige orderronde</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fouten:</translation>
    </message>
    <message>
        <source>Skipped, read again every cycle until bol.com&apos;s data can be taken:</source>
        <translation>Overgeslagen, elke ronde opnieuw gelezen tot de gegevens van bol.com bruikbaar zijn:</translation>
    </message>
    <message>
        <source>• {account}: order {order} ({attempts}×) — {reason}</source>
        <translation>• {account}: order {order} ({attempts}×) — {reason}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now (%1)</source>
        <translation>Nu synchroniseren (%1)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>%1 synchroniseren…</translation>
    </message>
    <message>
        <source>Last sync %1 failed: %2</source>
        <translation>Laatste synchronisatie %1 mislukt: %2</translation>
    </message>
    <message>
        <source>Last sync %1 OK: %2 new order(s), %3 cancellation(s)</source>
        <translation>Laatste synchronisatie %1 OK: %2 nieuwe order(s), %3 annulering(en)</translation>
    </message>
    <message>
        <source>The sync is not running</source>
        <translation>De synchronisatie draait niet</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Geen account</translation>
    </message>
    <message>
        <source>Syncing now</source>
        <translation>Bezig met synchroniseren</translation>
    </message>
    <message>
        <source>No sync planned</source>
        <translation>Geen synchronisatie gepland</translation>
    </message>
    <message>
        <source>Next sync: due</source>
        <translation>Volgende synchronisatie: nu</translation>
    </message>
    <message>
        <source>Next sync in %1</source>
        <translation>Volgende synchronisatie over %1</translation>
    </message>
    <message>
        <source>Sync requested…</source>
        <translation>Synchronisatie aangevraagd…</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Producten</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Afbeeldingen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Annuleringen</translation>
    </message>
    <message>
        <source>Sending to bol.com</source>
        <translation>Versturen naar bol.com</translation>
    </message>
</context>
<context>
    <name>TrackingCheck</name>
    <message>
        <source>I checked this code: use it anyway</source>
        <translation>Ik heb deze code gecontroleerd: toch gebruiken</translation>
    </message>
</context>
<context>
    <name>TransportCorrectionDialog</name>
    <message>
        <source>Correct track &amp; trace</source>
        <translation>Track &amp; trace corrigeren</translation>
    </message>
    <message>
        <source>Correct the track &amp; trace of order {order}</source>
        <translation>Track &amp; trace van bestelling {order} corrigeren</translation>
    </message>
    <message>
        <source>bol.com has now: {code}</source>
        <translation>bol.com heeft nu: {code}</translation>
    </message>
    <message>
        <source>&amp;Transporter</source>
        <translation>&amp;Vervoerder</translation>
    </message>
    <message>
        <source>Scan or type the new track &amp; trace</source>
        <translation>Scan of typ de nieuwe track &amp; trace</translation>
    </message>
    <message>
        <source>New track &amp;&amp; trace</source>
        <translation>Nieuwe track &amp;&amp; trace</translation>
    </message>
    <message>
        <source>I checked this code: use it anyway</source>
        <translation type="vanished">Ik heb deze code gecontroleerd: toch gebruiken</translation>
    </message>
    <message>
        <source>Send to bol.com</source>
        <translation>Naar bol.com sturen</translation>
    </message>
    <message>
        <source>Choose a carrier first: type its bol.com code or name.</source>
        <translation>Kies eerst een vervoerder: typ de bol.com-code of de naam.</translation>
    </message>
    <message>
        <source>Enter the new track &amp; trace code.</source>
        <translation>Vul de nieuwe track &amp; trace-code in.</translation>
    </message>
</context>
<context>
    <name>WorkstationPage</name>
    <message>
        <source>&amp;Workstation name</source>
        <translation>&amp;Naam werkplek</translation>
    </message>
    <message>
        <source>&amp;Printer (pick lists)</source>
        <translation>&amp;Printer (picklijsten)</translation>
    </message>
    <message>
        <source>&amp;Label printer</source>
        <translation type="vanished">&amp;Labelprinter</translation>
    </message>
    <message>
        <source>&amp;Sounds</source>
        <translation>&amp;Geluid</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>&amp;Label printer and paper</source>
        <translation>&amp;Labelprinter en papier</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;hema</translation>
    </message>
    <message>
        <source>e.g. Packing table 1</source>
        <translation>bijv. Paktafel 1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>{} (not found)</source>
        <translation>{} (niet gevonden)</translation>
    </message>
    <message>
        <source>A6 (105 × 148 mm)</source>
        <translation>A6 (105 × 148 mm)</translation>
    </message>
    <message>
        <source>4 × 6 inch</source>
        <translation>4 × 6 inch</translation>
    </message>
    <message>
        <source>bol.com labels print here at once; with none, each label is saved as a PDF in the data folder</source>
        <translation>bol.com-labels worden hier meteen geprint; zonder printer wordt elk label als PDF in de gegevensmap opgeslagen</translation>
    </message>
    <message>
        <source>Play a sound after each scan</source>
        <translation>Geluid na elke scan</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Zelfde als het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>Name this workstation, e.g. the table or room it stands in.</source>
        <translation>Geef deze werkplek een naam, bijv. de tafel of ruimte waar hij staat.</translation>
    </message>
</context>
</TS>
