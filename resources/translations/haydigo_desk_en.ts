<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>Expires in %n h</source>
        <translation type="vanished">
            <numerusform>Expires in %n h</numerusform>
            <numerusform>Expires in %n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <source>Account &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sto&amp;re</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Product list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To&amp;ken URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync e&amp;very</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;transporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily c&amp;ut-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. bol.com NL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webshop this account sells for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production (bol.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Austria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not import orders delivered to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products and offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders (turn on once the products are in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keyring (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the client secret from bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the client secret safely, so it cannot be saved here. The other settings are saved. On a server, set the environment variable HAYDIGO_BOL_CLIENT_SECRET instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another account already has this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the store this account sells for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client ID from the bol.com seller portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the client ID exactly as the bol.com seller portal shows it (no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full address starting with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose 1 to 60 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country codes have two letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the default transporter: type its bol.com code or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the cut-off as a time of day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjustStockDialog</name>
    <message>
        <source>Adjust stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand {on_hand}, reserved {reserved}, available {available}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted on hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. damaged, found, recount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelReasonDialog</name>
    <message>
        <source>Cancel at bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel {title} of order {order} at bol.com? bol.com cancels every unit of the item not shipped yet and tells the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CantFulfil</name>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling at bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com refused the cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad condition (damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher shipping costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bol.com guarantee possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item retained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line was decided meanwhile; the list shows it as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is already shipped or cancelled: it cannot be cancelled at bol.com any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cancellation of this item is already on its way to bol.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of bol.com&apos;s reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CantFulfilSection</name>
    <message>
        <source>Can&apos;t fulfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backorder: the line is picked again as soon as stock arrives ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel at bol.com…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the item at bol.com with a reason ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a line to see its details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) waiting for a decision or for stock</source>
        <translation>
            <numerusform>%n line waiting for a decision or for stock</numerusform>
            <numerusform>%n lines waiting for a decision or for stock</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) wait for a decision or for stock</source>
        <translation type="vanished">
            <numerusform>%n line wait for a decision or for stock</numerusform>
            <numerusform>%n lines wait for a decision or for stock</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here: every line could be picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} — {customer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} × {title} ({ean}): {reason}, reported by {who} at {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com cancels the item itself after {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for bol.com: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarrierPicker</name>
    <message>
        <source>Type a code or name: TNT, DHL, PostNL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the bol.com transporter code or the carrier&apos;s name; an exact code wins. Up and Down choose from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com transporter code: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier matches “%1”: type a bol.com code (TNT, DHL…) or a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier chosen: type a code or name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelMovementDialog</name>
    <message>
        <source>Sale or return from another channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale (stock goes down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return (stock goes up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan EAN or type SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold {quantity} × {title} via {channel}; on hand now {on_hand}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned {quantity} × {title} via {channel}; on hand now {on_hand}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client ID first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client secret first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full API address starting with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to bol.com…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: bol.com accepted the client ID and secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com refused the client ID or secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com could not be reached. Check the internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com answered with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>{} ran into a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk keeps running, but the last action may not have finished. Check it, and restart the desk if it behaves oddly. Send the details below to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Choose CSV file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: these lines will not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import only the valid lines and skip the {count} problem line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CutoffField</name>
    <message>
        <source>No cut-off: Today shows what must leave today until the day ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s cut-off (%1) has passed: what is due now leaves tomorrow, and Today shows tomorrow&apos;s work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until %1 Today shows what leaves today; after %1, what leaves tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing leaves after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>The database is busy (another program is writing to it). Nothing was lost; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be reached ({kind}). Nothing was changed; try again, or see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineBadge</name>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n h</source>
        <translation>
            <numerusform>Expires in %n h</numerusform>
            <numerusform>Expires in %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Ship today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via bol</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo: orders and offers come from a simulated bol.com, nothing is sent to the real bol.com. To connect your real account, open Settings → Accounts (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPreparation</name>
    <message>
        <source>Preparing the demo: building its database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo: importing products ({} of {})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo: putting products on shelves…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoSwitch</name>
    <message>
        <source>Your account is saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is saved in your own database ({}), not in the demo&apos;s. The desk opens that database with your account when it starts again; the demo stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At next start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dimensions</name>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: “{text}” is not a number (a decimal comma is fine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be more than 0 (leave it empty when unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {text} is more than {maximum} {unit}; was it typed in the right unit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DimensionsDialog</name>
    <message>
        <source>Weight and dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One unit as it goes into the box. The desk uses these to tell whether an order fits a mailbox parcel; empty means unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DimensionsImport</name>
    <message>
        <source>No EAN or SKU on this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid EAN (wrong check digit or length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no product with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No weight or size on this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On more than one line (also line {value}); keep one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid value: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line must be a header with an EAN or SKU column (found: {found})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header needs at least one of weight (g), length, width, height (mm) (gewicht, lengte, breedte, hoogte) (found: {found})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header but no product lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DimensionsImportDialog</name>
    <message>
        <source>A header with EAN or SKU and weight (g), length, width, height (mm); separated by ; or ,. An empty cell keeps the value the product has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import weight and dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: product {code} no longer exists; choose the file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has problem lines: fix them, or import only the valid lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines} line(s) read ({columns}): {changes} product(s) change, {same} unchanged, {problems} problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoodsReceiptDialog</name>
    <message>
        <source>Goods receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan each item, or type a quantity first and then scan. Every scan is saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan EAN or type SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity of the next scan (Alt+Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{quantity}  {title}  (on hand {on_hand})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} unit(s) of {products} product(s) received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlingForm</name>
    <message>
        <source>Location, e.g. A-03-2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it cannot be sold again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write-off reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>bol.com label for order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen because {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: buy this label · F6: another option · Esc: back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {price} excl. VAT — hand over by {deadline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — LATE for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This label does not reach the customer in time and earns a strike. Press Enter again to buy it anyway, or F6 for another option.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. A-03-2 (empty: no location)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody works at this desk yet. The first person is a manager, who can add staff and correct stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: scan a badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your badge or choose your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown badge. Scan again or choose your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name or scan your badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else just created the first manager; log in with that name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick lists for &amp;today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)  </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN / SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an order to see its address and lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On pick list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com gave no delivery date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery on %1, the day the customer chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver by %1 at the latest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com cancels items not shipped by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ships via bol: bol.com chooses the carrier and its label is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You deliver it with your own carrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To a pick-up point: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(bol.com gave no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery by appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same-day delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery time frame: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked to cancel a line of this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line is not matched to a product of the product list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cancellation requested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com is still processing an earlier correction of this shipment; try again when it has answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com already has this carrier and track &amp; trace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a shipment bol.com confirmed can be corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The correction was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The correction could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderShipmentsPanel</name>
    <message>
        <source>Shipments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct track &amp;&amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no track &amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the carrier&apos;s tracking page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com refused the new track &amp; trace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track &amp; trace correction %1 cancelled: not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New track &amp; trace %1 waits to be sent to bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New track &amp; trace %1 sent: waiting for bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: not yet sent to bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: waiting for bol.com&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by bol.com %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: not sent to bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This label has no stored PDF to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printed again on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label saved again as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line is not matched to a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oversold: the stock cannot serve this order — not picked until stock arrives (older orders first)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersSection</name>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search order, EAN, SKU or name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create pick list (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick lists for today: %v of %m orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create pick list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no cut-off set; showing what leaves today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: after today&apos;s cut-off (%2): due tomorrow, %3. Showing what leaves tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cut-off today at %2; showing what leaves today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at least %n order(s)</source>
        <translation>
            <numerusform>at least %n order</numerusform>
            <numerusform>at least %n orders</numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick list %1 created with %2 order(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making pick lists of everything due today…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pick list(s) made for today: %1.</source>
        <translation>
            <numerusform>%n pick list made for today: %1.</numerusform>
            <numerusform>%n pick lists made for today: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) on them, by deadline.</source>
        <translation>
            <numerusform>%n order on them, by deadline.</numerusform>
            <numerusform>%n orders on them, by deadline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Everything due today is on a pick list already (%n order(s)).</source>
        <translation>
            <numerusform>Everything due today is on a pick list already (%n order).</numerusform>
            <numerusform>Everything due today is on a pick list already (%n orders).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pick list(s) made for today with %1 order(s): %2.</source>
        <translation type="vanished">
            <numerusform>%n pick list made for today with %1 order: %2.</numerusform>
            <numerusform>%n pick lists made for today with %1 orders: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due today that can be picked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track &amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, awaiting bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock {amount} for offer {offer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} via {transporter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New track &amp; trace {code} ({transporter}) for order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy the label for order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel item {item} of order {order}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxSection</name>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected post again (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send the selected post (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a post to see bol.com&apos;s full message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} waiting, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting: bol.com is up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post will never be sent to bol.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com will not learn that this order was shipped; confirm the shipment on bol.com yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel “{what}”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Log in as a manager to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager may do this. {name} is logged in as a picker; ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickListRulesPage</name>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this rule earlier (Alt+Up in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this rule later (Alt+Down in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-list rules, first tried on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Orders no rule takes go on “Other orders”, at most %n orders a list.</source>
        <translation>
            <numerusform>Orders no rule takes go on “Other orders”, at most %n orders a list.</numerusform>
            <numerusform>Orders no rule takes go on “Other orders”, at most %n orders a list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts appear here once saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another rule is called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose 1 to %1 orders a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a country code; use two letters such as NL or BE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule “%1” has the same criteria as %2: change one of them or delete one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule “%1” can never get an order: %2 before it take every order it matches. Move it up or narrow the rules before it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickListsModel</name>
    <message>
        <source>Other orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickListsSection</name>
    <message>
        <source>Pick lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in pick station (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in pick station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN / SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pick list selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 order(s): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancellation requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put back %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickStationSection</name>
    <message>
        <source>Pick &amp; pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{holder} is working on this order.
Take it over? They will be stopped at their next scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a pick list or an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose one below (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick list {code} — batch picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk the locations top to bottom; scan each unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order}  {customer}
{packed} / {needed} packed · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound at this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from pick list {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} — {customer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back — done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units for the next scan (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F4 Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F8 Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F9 Correct and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick lists (batch picking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders (single-order pick &amp; pack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack: scan an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: wrong check digit — scan again or type it carefully</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One too many: this product is complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One too many: {title} needs {needed}, {picked} already picked — put this one back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} was cancelled — do not pack it, put it back on the shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be 1 to 9999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: unknown code — scan the product&apos;s EAN, a pick list or an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({code}) is not on this pick list — put it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not on this pick list — put it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({code}) is not in this order — put it back and scan an item of the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not in this order — leave it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: no pick list or order with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} is not on pick list {code} — pack the orders of this list, or leave it with Esc first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{holder} took this order over — you cannot scan it any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database busy, scan again: {code} was not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database busy, scan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused this step ({error}); nothing was counted — try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ {title}   {picked} / {needed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a pick list or an order first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cancelled items back first, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is picked. Now scan an order to pack it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick list {code}: scan the products in this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order}: scan its items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} was cancelled by the customer — do not pack it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} is already shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{holder} is working on this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order changed: cancelled by the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {n} × {title}  (EAN {ean}, location {location})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP — the customer cancelled. Put back:
{items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP — the customer cancelled this order. Do not ship it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP — the customer cancelled a line. Nothing to put back; do not pack the cancelled line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by {who} · status {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting the shipment to bol.com…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipment is being posted — wait for bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment queued: it is posted to bol.com with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing picked yet — scan the items first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shipped: the order is already shipped or cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shipped: put the cancelled items back first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partial shipment needs confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown transporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shipped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com refused the shipment: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped — confirmed by bol.com. Scan the next order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shipped — see below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order}: shipped ({carrier} {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com refused the shipment: {error}
Correct and resend with F9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment {state}: waiting for bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} × {title} damaged: in the Can&apos;t-fulfil queue, {written_off} written off the stock — set it aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} × {title} not found: in the Can&apos;t-fulfil queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: nothing open any more (shipped or cancelled) — nothing to report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: only {units} still to take — report at most that many (F2 sets the quantity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: nothing to report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left to take from the shelf: no unit to report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rest of the order ships now (a partial shipment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} waits for the Can&apos;t-fulfil decision — leave what is packed with the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} is oversold: the stock cannot serve it — do not pick it; older orders get the units first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com recommends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cheapest that arrives on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it fits through the letterbox: the cheapest mailbox label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com recommends none: the cheapest on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com&apos;s recommendation is late: the cheapest on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mailbox label for these items: the cheapest on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox labels are late: the cheapest on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no label arrives on time: confirm a late one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com offers no label for these items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every offer of bol.com expired: press F8 to ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking bol.com which labels it offers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com did not answer with labels ({error}). Nothing was bought: press F8 to try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label bought: {reason}. The order is under Problem; nothing was posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bol.com label needs the sync to run: start it and press F8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying the bol.com label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label bought ({code}), printing… then posting the shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com is still processing the label: the sync finishes it and never buys it twice. Press F8 to look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label: {error}. The order is under Problem; nothing was posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printed on {printer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label printer set: the label is saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label did not print ({error}); reprint it from the order (it is stored, nothing is bought again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviousCrash</name>
    <message>
        <source>The desk stopped unexpectedly last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is at {}. Send it to support if this happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Preparing the pick list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the packing slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be made. The log file has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print pick list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print packing slip…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer “%1” chosen in the settings is not available. Choose another printer in the next window, or change it in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer “%1” could not start printing. Check that it is switched on and connected, or choose another printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be prepared for the printer “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing on “%1” failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>The stock amount bol.com had at the last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock at
bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not all known: the desk cannot tell whether an order of it fits a mailbox parcel (F3 to edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oversold: more reserved than on hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bol.com offer for this product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductsSection</name>
    <message>
        <source>Product list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search EAN, SKU, title or location (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale/return elsewhere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight and size…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CSV file: stock count (Ctrl+I), weight and size (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight and dimensions of one unit (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product matches “{search}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}–{last} of {total} products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight and size unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fits a mailbox parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too big or heavy for a mailbox parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox parcel: unknown until weight and size are known (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterReturnDialog</name>
    <message>
        <source>Return bol.com never announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the order id, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register at bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}  EAN {ean}  ({count} returnable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order}: choose the line and how it is handled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk could not do this: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <source>Return received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not meet the return conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer keeps the product (paid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved after all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write off (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This return item was already handled ({result}); it cannot be handled twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be 1 to {expected}: the customer returned {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk knows no product with EAN {ean}; add it before the units go to stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk never imported order {order}; a return can only be registered for an order the desk knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shipped unit of order {order} is left to return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No return matches {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This return item&apos;s handling is already on its way to bol.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of bol.com&apos;s handling results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the location the units go back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the write-off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer keeps the product: nothing goes to stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager may write off returned units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This return item no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a track &amp; trace, order id or EAN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsSection</name>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the return parcel&apos;s track &amp; trace, the order id or the EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unannounced return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a return bol.com never announced, from its order ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns per product and reason ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by order, EAN, title or track &amp; trace (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track &amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle at bol.com ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} shown, {close} due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle this return soon: bol.com&apos;s deadline is close or past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk could not do this: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return of order {order} opened: choose the handling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} more item(s) of this scan to handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This return was already handled: {result}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a return parcel or choose a return in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} · RMA {rma} · EAN {ean}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered {registered}, handle by {deadline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: “{comments}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return parcel: {transporter} {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk never imported this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned: {count}  ·  {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{result}, {quantity} unit(s): {where}; by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com refused: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{result} for order {order} goes to bol.com; stock follows when bol.com confirms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return was registered; it goes to bol.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} row(s) written to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Rule &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery &amp;countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shi&amp;pped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today (by the cut-off, late ones too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via bol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With our own carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Singles via bol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any country; or codes such as NL, BE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only orders of one unit (singles, packed straight from the batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> orders a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order goes on the list of the first rule it matches; when that list is full or being picked, a new list of the rule starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerGroup</name>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard &amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QWERTY (as typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AZERTY (Belgium)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AZERTY (France)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QWERTZ (Germany)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan any barcode here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as it arrived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <source>prefix removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suffix removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control characters removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed through a QWERTZ keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN-14 read from GS1 (01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPC-E expanded to EAN-13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed through an %1 keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbology identifier %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product with EAN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the check digit of %1 is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pick list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1 is not a code the desk knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 units</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Reading the accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pick-list rules could not be read: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts could not be read: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts could not be saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts are saved, but the pick-list rules could not be: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation settings could not be saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <source>Ship order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship {units} unit(s) of order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial shipment: ship only the {units} picked unit(s); {rest} unit(s) stay open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used at this desk: %1 (Alt+L to use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the track &amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track &amp;&amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carrier first: type its bol.com code or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the partial shipment box to ship only the picked units.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShippingGroup</name>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hip orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com &amp;label to buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With our own carrier (track &amp; trace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via bol (buy the bol.com label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As bol.com says for each order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one bol.com recommends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cheapest that arrives on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox package when it fits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortPickOption</name>
    <message>
        <source>S&amp;hort pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship the rest at once (partial shipment), else wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unit not found (Ctrl+N) or damaged (Ctrl+D) at the station goes to Can&apos;t fulfil. Ticked: the rest of the order ships now. Not ticked: the order waits until the manager decides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>HaydiGO Desk already runs for this profile. Switch to its window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>The database address is not valid. Correct --database-url or HAYDIGO_DATABASE_URL (for example sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check that it runs and that the address, user and password are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged or is not a HaydiGO Desk database. Nothing was changed: restore a backup, or move the file away to start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was made by a newer version of HaydiGO Desk. Nothing was changed: update HaydiGO Desk on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written here. Make the file and its folder writable, or choose another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder cannot be created or used. Make it a writable folder, or choose another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space and start the desk again; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the disk failed: it may be full or failing. Free some space or check the disk, then start the desk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database answered with an error. Nothing was changed; the details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationLinesModel</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}  (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ {n} shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put back {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockCount</name>
    <message>
        <source>No EAN or SKU on this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid EAN (wrong check digit or length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no product with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity “{value}” is not a whole number from 0 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted more than once (also on line {value}); count it once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <source>Import stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header with EAN or SKU and quantity (aantal); separated by ; or ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. stock count week 48</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines} line(s) read: {changes} product(s) change, {same} unchanged, {problems} problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders filtered (country)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock updates sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited (429)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncLogSection</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a sync cycle now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders
new/upd./filtered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel-
lations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products
new/updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock
updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments
ok/failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API
calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its counts and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com labels today: %1 (%2 excl. VAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{account} — {outcome}, {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full order sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped, read again every cycle until bol.com&apos;s data can be taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {account}: order {order} ({attempts}×) — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1 OK: %2 new order(s), %3 cancellation(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sync: due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sync in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync requested…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackingCheck</name>
    <message>
        <source>I checked this code: use it anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransportCorrectionDialog</name>
    <message>
        <source>Correct track &amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the track &amp; trace of order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com has now: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the new track &amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New track &amp;&amp; trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to bol.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carrier first: type its bol.com code or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new track &amp; trace code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkstationPage</name>
    <message>
        <source>&amp;Workstation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Printer (pick lists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label printer and paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Packing table 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 (105 × 148 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 × 6 inch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bol.com labels print here at once; with none, each label is saved as a PDF in the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound after each scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name this workstation, e.g. the table or room it stands in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
