<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="tr_TR">
<context>
    <name></name>
    <message>
        <source>Salt okunur: {0} Değişiklik yapmak için dosyayı bu bilgisayara kopyalayıp kopyayı açın.</source>
        <translation>Read-only: {0} To make changes, copy the file to this computer and open the copy.</translation>
    </message>
    <message>
        <source>Yerel diske kopyala ve aç…</source>
        <translation>Copy to local disk and open…</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; değiştirildi</source>
        <translation>&apos;{0}&apos; changed</translation>
    </message>
    <message>
        <source>Dosya başka bir programda (ör. komut satırından bir içe aktarmayla) değiştirildi; değerler dosyadan yeniden okundu. Geri alma geçmişi silindi, çünkü eski adımlar yeni değerlerin üzerine yazardı. Değerleri kontrol edip çalışmaya devam edin.</source>
        <translation>The file was changed by another program (e.g. an import from the command line); the values were read again from the file. The undo history was cleared, because the old steps would overwrite the new values. Check the values and continue.</translation>
    </message>
    <message>
        <source>{0} hücre değiştirildi</source>
        <translation>{0} cells changed</translation>
    </message>
    <message>
        <source>gerçekleşme</source>
        <translation>actual value</translation>
    </message>
    <message>
        <source>gerçekleşen maliyet</source>
        <translation>actual cost</translation>
    </message>
    <message>
        <source>sapma açıklaması</source>
        <translation>deviation explanation</translation>
    </message>
    <message>
        <source>kaynak</source>
        <translation>source</translation>
    </message>
    <message>
        <source>Fotoğraf eklendi</source>
        <translation>Photo added</translation>
    </message>
    <message>
        <source>Fotoğraf silindi</source>
        <translation>Photo removed</translation>
    </message>
    <message>
        <source>Fotoğraf açıklaması değiştirildi</source>
        <translation>Photo caption changed</translation>
    </message>
    <message>
        <source>Fotoğraf taşındı</source>
        <translation>Photo moved</translation>
    </message>
    <message>
        <source>Denetim</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Dosyada kayıtlı değer: {0}</source>
        <translation>Value stored in the file: {0}</translation>
    </message>
    <message>
        <source>Paragrafları boş satırla ayırın; madde işaretli satırları &quot;- &quot; ile başlatın.</source>
        <translation>Separate paragraphs with an empty line; start bullet lines with &quot;- &quot;.</translation>
    </message>
    <message>
        <source>Buraya yazın…</source>
        <translation>Type here…</translation>
    </message>
    <message>
        <source>Birim: {0}   ·   Yön: {1}   ·   Başlangıç (A): {2}   ·   {3} hedefi (B): {4}   ·   Hedefe etkisi: {5}</source>
        <translation>Unit: {0}   ·   Direction: {1}   ·   Baseline (A): {2}   ·   {3} target (B): {4}   ·   Weight in goal: {5}</translation>
    </message>
    <message>
        <source>Gerçekleşme (C):</source>
        <translation>Actual (C):</translation>
    </message>
    <message>
        <source>Planlanan maliyet: {0} TL</source>
        <translation>Planned cost: {0} TL</translation>
    </message>
    <message>
        <source>Gerçekleşen maliyet (TL):</source>
        <translation>Actual cost (TL):</translation>
    </message>
    <message>
        <source>Kaynak belge / kayıt:</source>
        <translation>Source document / register:</translation>
    </message>
    <message>
        <source>Rakamın alındığı defter, sistem ya da belge (ör. Olay kayıt defteri {0})</source>
        <translation>Register, system or document the figure comes from (e.g. Incident log {0})</translation>
    </message>
    <message>
        <source>Sapma açıklaması:</source>
        <translation>Deviation explanation:</translation>
    </message>
    <message>
        <source>Hedeften sapmanın nedeni: ne oldu, neden, ne yapılacak.</source>
        <translation>Why the result deviates from the target: what happened, why, what will be done.</translation>
    </message>
    <message>
        <source>Gerçekleşme oranı: — (sayı okunamadı)</source>
        <translation>Realization rate: — (number could not be read)</translation>
    </message>
    <message>
        <source>Gerçekleşme oranı: — ({0})</source>
        <translation>Realization rate: — ({0})</translation>
    </message>
    <message>
        <source>Gerçekleşme oranı: &lt;b&gt;{0}&lt;/b&gt;  &lt;span style=&apos;color:#555&apos;&gt;({1})&lt;/span&gt;</source>
        <translation>Realization rate: &lt;b&gt;{0}&lt;/b&gt;  &lt;span style=&apos;color:#555&apos;&gt;({1})&lt;/span&gt;</translation>
    </message>
    <message>
        <source>⚠ Olağan dışı oran: değeri kontrol edin.</source>
        <translation>⚠ Unusual rate: check the value.</translation>
    </message>
    <message>
        <source>⚠ Açıklama zorunlu: oran {0}, hedeften {1} puan sapıyor (yılın toleransı {2}).</source>
        <translation>⚠ Explanation required: rate {0}, {1} points from the target (tolerance of the year {2}).</translation>
    </message>
    <message>
        <source>✓ Sapma açıklandı.</source>
        <translation>✓ Deviation explained.</translation>
    </message>
    <message>
        <source>Performans Göstergeleri ve Faaliyetler</source>
        <translation>Performance Indicators and Activities</translation>
    </message>
    <message>
        <source>Başlangıç ve hedef değerleri stratejik plandan gelir ve değiştirilemez. Gerçekleşen değeri, rakamın alındığı kaynağı ve hedeften her sapmanın açıklamasını girin; gerçekleşme oranı siz yazarken hesaplanır.</source>
        <translation>Baseline and target values come from the strategic plan and cannot be changed. Enter the actual value, the source of the figure and an explanation for every deviation from the target; the realization rate is computed as you type.</translation>
    </message>
    <message>
        <source>Performans göstergeleri</source>
        <translation>Performance indicators</translation>
    </message>
    <message>
        <source>Faaliyet ve projeler (maliyet)</source>
        <translation>Activities and projects (cost)</translation>
    </message>
    <message>
        <source>Bu birimin sorumlu olduğu gösterge ya da faaliyet yok.</source>
        <translation>This department is not responsible for any indicator or activity.</translation>
    </message>
    <message>
        <source>Fotoğraf {0} / {1} — açıklama (raporda fotoğrafın altına yazılır):</source>
        <translation>Photo {0} / {1} — caption (printed under the photo in the report):</translation>
    </message>
    <message>
        <source>ör. Yangın tatbikatı, Mart {0}</source>
        <translation>e.g. Fire drill, March {0}</translation>
    </message>
    <message>
        <source>▲ Yukarı</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <source>Fotoğrafı bir öne al</source>
        <translation>Move the photo one place up</translation>
    </message>
    <message>
        <source>▼ Aşağı</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <source>Fotoğrafı bir sona al</source>
        <translation>Move the photo one place down</translation>
    </message>
    <message>
        <source>Sil</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Fotoğrafı listeden kaldır (Ctrl+Z ile geri alınabilir)</source>
        <translation>Remove the photo from the list (Ctrl+Z brings it back)</translation>
    </message>
    <message>
        <source>Fotoğraf ekle…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>Bilgisayardan bir ya da birkaç fotoğraf seçin; küçültülüp dosyaya kaydedilir.</source>
        <translation>Choose one or more photos on this computer; they are scaled down and stored in the file.</translation>
    </message>
    <message>
        <source>{0} fotoğraf (en çok {1}).</source>
        <translation>{0} photos (at most {1}).</translation>
    </message>
    <message>
        <source>Henüz fotoğraf yok. &quot;Fotoğraf ekle…&quot; ile ekleyin.</source>
        <translation>No photos yet. Add some with &quot;Add photos…&quot;.</translation>
    </message>
    <message>
        <source>Fotoğraf seçin</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>JPEG ya da PNG fotoğraflar (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>JPEG or PNG photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Tüm dosyalar (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; okunamadı ({1}).</source>
        <translation>&apos;{0}&apos; could not be read ({1}).</translation>
    </message>
    <message>
        <source>Zorunlu alan</source>
        <translation>Required field</translation>
    </message>
    <message>
        <source>Raporda: bölüm {0}</source>
        <translation>In the report: section {0}</translation>
    </message>
    <message>
        <source>geçen yıl</source>
        <translation>last year</translation>
    </message>
    <message>
        <source>hesaplanır</source>
        <translation>computed</translation>
    </message>
    <message>
        <source>Toplam satırı: girilen satırlardan hesaplanır.</source>
        <translation>Total row: computed from the entered rows.</translation>
    </message>
    <message>
        <source>Hesaplanan sütun: {0}</source>
        <translation>Computed column: {0}</translation>
    </message>
    <message>
        <source>Yapıştırılacak değer yok.</source>
        <translation>Nothing to paste.</translation>
    </message>
    <message>
        <source>Türkçe</source>
        <translation>Turkish</translation>
    </message>
    <message>
        <source>İngilizce</source>
        <translation>English</translation>
    </message>
    <message>
        <source>{0} hücre yapıştırıldı ({1} sayı biçimi)</source>
        <translation>{0} cells pasted ({1} number format)</translation>
    </message>
    <message>
        <source>Yapıştırılmadı; tablo olduğu gibi kaldı:</source>
        <translation>Not pasted; the table is unchanged:</translation>
    </message>
    <message>
        <source>{0} hücre silindi</source>
        <translation>{0} cells cleared</translation>
    </message>
    <message>
        <source>Alan bul</source>
        <translation>Find field</translation>
    </message>
    <message>
        <source>Aradığınız alanın adından bir parça yazın, Enter ile gidin:</source>
        <translation>Type part of the field&apos;s name and press Enter to go there:</translation>
    </message>
    <message>
        <source>{0}  ({1} hücre)</source>
        <translation>{0}  ({1} cells)</translation>
    </message>
    <message>
        <source>Denetim bulguları</source>
        <translation>Check findings</translation>
    </message>
    <message>
        <source>Dosya gönderildi; düzenlemeye kapalı.</source>
        <translation>The file has been submitted; editing is closed.</translation>
    </message>
    <message>
        <source>{0} hata: dosya gönderilmeden önce düzeltilmeli. Bir satıra tıklayınca ilgili alana gidilir.</source>
        <translation>{0} errors: must be fixed before the file is submitted. Click a line to go to the field.</translation>
    </message>
    <message>
        <source>{0} zorunlu alan boş.</source>
        <translation>{0} required field(s) empty.</translation>
    </message>
    <message>
        <source>{0} zorunlu alan boş: doldurulmadan dosya gönderilemez. Bir satıra tıklayınca ilgili alana gidilir.</source>
        <translation>{0} required field(s) empty: the file cannot be sent until they are filled. Click a line to go to the field.</translation>
    </message>
    <message>
        <source>✓ Hata yok; dosya gönderilebilir.</source>
        <translation>✓ No errors; the file can be submitted.</translation>
    </message>
    <message>
        <source>{0} uyarı: bakmanız önerilir, göndermeyi engellemez.</source>
        <translation>{0} warnings: worth a look, they do not block submitting.</translation>
    </message>
    <message>
        <source>Eksik: {0}</source>
        <translation>Missing: {0}</translation>
    </message>
    <message>
        <source>Plan (Strateji Geliştirme düzeltir): {0}</source>
        <translation>Plan (the strategy unit fixes this): {0}</translation>
    </message>
    <message>
        <source>Faaliyet dosyası (*.faaliyet);;Tüm dosyalar (*)</source>
        <translation>Faaliyet file (*.faaliyet);;All files (*)</translation>
    </message>
    <message>
        <source>Faaliyet dosyası ya da geri gönderme notu (*.faaliyet *.geri.json);;Tüm dosyalar (*)</source>
        <translation>Faaliyet file or return note (*.faaliyet *.geri.json);;All files (*)</translation>
    </message>
    <message>
        <source>Dosya aç…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <source>Dosyayı kapat</source>
        <translation>Close file</translation>
    </message>
    <message>
        <source>Geri al</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Son değişikliği geri al</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>Yinele</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Geri alınanı yeniden yap</source>
        <translation>Redo what was undone</translation>
    </message>
    <message>
        <source>Alan bul…</source>
        <translation>Find field…</translation>
    </message>
    <message>
        <source>Gönder…</source>
        <translation>Send…</translation>
    </message>
    <message>
        <source>Denetle, gönderildi olarak işaretle ve gönderilecek kopyayı seçtiğiniz yere yaz (hata varken gönderilmez)</source>
        <translation>Check, mark as sent and write the copy to send where you choose (not sent while errors remain)</translation>
    </message>
    <message>
        <source>Taslak kopya kaydet…</source>
        <translation>Save draft copy…</translation>
    </message>
    <message>
        <source>Göndermeden bir kopya yaz; adında -TASLAK olur</source>
        <translation>Write a copy without sending; its name gets -TASLAK</translation>
    </message>
    <message>
        <source>Gönderimi geri al…</source>
        <translation>Take submission back…</translation>
    </message>
    <message>
        <source>Gönderilmiş dosyayı gerekçe yazarak yeniden düzenlemeye aç</source>
        <translation>Reopen the sent file for editing, giving a reason</translation>
    </message>
    <message>
        <source>Geri gönderme notunu aç…</source>
        <translation>Open return note…</translation>
    </message>
    <message>
        <source>Strateji Geliştirme&apos;nin gönderdiği .geri.json dosyasını açar: dosya notla düzenlemeye açılır</source>
        <translation>Opens the .geri.json file Strategy Development sent: the file opens for editing with the note</translation>
    </message>
    <message>
        <source>Excel şablonundan doldur…</source>
        <translation>Fill from Excel template…</translation>
    </message>
    <message>
        <source>Doldurulmuş Excel şablonundaki değerleri önizleyip dosyaya al</source>
        <translation>Preview the values of a filled Excel template and take them into the file</translation>
    </message>
    <message>
        <source>Şablonu Excel&apos;e ver…</source>
        <translation>Export the template to Excel…</translation>
    </message>
    <message>
        <source>Birimin formunu doldurulacak bir Excel dosyası olarak kaydet</source>
        <translation>Save the department&apos;s form as an Excel file to fill in</translation>
    </message>
    <message>
        <source>Birim raporunu göster…</source>
        <translation>Show the department report…</translation>
    </message>
    <message>
        <source>Birimin raporunu PDF olarak oluştur, göster ve yazdır</source>
        <translation>Build the department&apos;s report as a PDF, show it and print it</translation>
    </message>
    <message>
        <source>Geri gönderme notu</source>
        <translation>Return note</translation>
    </message>
    <message>
        <source>Gönder</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Taslak kopya</source>
        <translation>Draft copy</translation>
    </message>
    <message>
        <source>Gönderimi geri al</source>
        <translation>Take submission back</translation>
    </message>
    <message>
        <source>Geri gönderme notunu aç</source>
        <translation>Open return note</translation>
    </message>
    <message>
        <source>Geri gönderme notu (*.geri.json);;Tüm dosyalar (*)</source>
        <translation>Return note (*.geri.json);;All files (*)</translation>
    </message>
    <message>
        <source>Önce notun geldiği birim dosyasını açın, sonra notu açın ya da pencereye bırakın.</source>
        <translation>First open the department file the note is for, then open the note or drop it on the window.</translation>
    </message>
    <message>
        <source>Excel şablonunu nereye kaydedeyim?</source>
        <translation>Where shall I save the Excel template?</translation>
    </message>
    <message>
        <source>Şablon yazılamadı</source>
        <translation>The template could not be written</translation>
    </message>
    <message>
        <source>Excel şablonu yazıldı: {0}. Sarı hücreleri doldurup Dosya → Excel şablonundan doldur ile geri alın.</source>
        <translation>Excel template written: {0}. Fill in the yellow cells and take it back with File → Fill from Excel template.</translation>
    </message>
    <message>
        <source>Excel şablonu alınamadı</source>
        <translation>The Excel template was not taken in</translation>
    </message>
    <message>
        <source>Excel şablonundan doldur</source>
        <translation>Fill from Excel template</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; içinde dosyadakinden farklı bir değer yok; dosya değişmedi.</source>
        <translation>&apos;{0}&apos; holds no value that differs from the file; the file was not changed.</translation>
    </message>
    <message>
        <source>Excel şablonu uygulanmadı; dosya değişmedi.</source>
        <translation>The Excel template was not applied; the file was not changed.</translation>
    </message>
    <message>
        <source>Excel şablonundan {0} değer</source>
        <translation>{0} values from the Excel template</translation>
    </message>
    <message>
        <source>{0} değer &apos;{1}&apos; şablonundan alındı ve kaydedildi. Ctrl+Z hepsini geri alır.</source>
        <translation>{0} values were taken from the template &apos;{1}&apos; and saved. Ctrl+Z undoes them all.</translation>
    </message>
    <message>
        <source>Birim raporunu nereye kaydedeyim?</source>
        <translation>Where shall I save the department report?</translation>
    </message>
    <message>
        <source>Doldurulmuş Excel şablonunu seçin</source>
        <translation>Choose the filled Excel template</translation>
    </message>
    <message>
        <source>… ve {0} sorun daha.</source>
        <translation>… and {0} more problems.</translation>
    </message>
    <message>
        <source>Yardım</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Birim kılavuzunu aç</source>
        <translation>Open the department guide</translation>
    </message>
    <message>
        <source>Çıkış</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Dosya</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Dü&amp;zen</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Faaliyet hakkında…</source>
        <translation>About Faaliyet…</translation>
    </message>
    <message>
        <source>&amp;Yardım</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Araçlar</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Faaliyet dosyası aç</source>
        <translation>Open Faaliyet file</translation>
    </message>
    <message>
        <source>Yeni birim dosyasını nereye kaydedeyim?</source>
        <translation>Where should the new department file be saved?</translation>
    </message>
    <message>
        <source>Dosya oluşturulamadı</source>
        <translation>The file could not be created</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; başka bir Faaliyet penceresinde açık ({1}). Aynı dosyayı iki pencerede düzenlemek değişikliklerin karışmasına yol açar.

Dosya bu pencerede salt okunur açılsın mı?</source>
        <translation>&apos;{0}&apos; is open in another Faaliyet window ({1}). Editing the same file in two windows mixes up the changes.

Open it read-only in this window?</translation>
    </message>
    <message>
        <source>Dosya zaten açık</source>
        <translation>File already open</translation>
    </message>
    <message>
        <source>Dosya açılamadı</source>
        <translation>The file could not be opened</translation>
    </message>
    <message>
        <source>Yerel kopyayı nereye kaydedeyim?</source>
        <translation>Where should the local copy be saved?</translation>
    </message>
    <message>
        <source>Kopyalanamadı</source>
        <translation>Could not copy</translation>
    </message>
    <message>
        <source>Dosya yerel diske kopyalandı ve açıldı: {0}</source>
        <translation>The file was copied to the local disk and opened: {0}</translation>
    </message>
    <message>
        <source>Ek doğrudan açılamaz</source>
        <translation>An attachment cannot be opened directly</translation>
    </message>
    <message>
        <source>E-postadan sürüklenen ekler{0} doğrudan açılamıyor. Eki önce kalıcı bir klasöre (örneğin Belgeler) kaydedin (ekin üzerinde sağ tık → &apos;Farklı Kaydet&apos;); sonra o dosyayı açın ya da buraya bırakın.</source>
        <translation>Attachments dragged out of an e-mail{0} cannot be opened directly. Save the attachment to a lasting folder first (Documents, for example: right-click it → &apos;Save As&apos;); then open that file or drop it here.</translation>
    </message>
    <message>
        <source>Kaydedilmedi</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Faaliyet — Birim Faaliyet Raporu</source>
        <translation>Faaliyet — Department Activity Report</translation>
    </message>
    <message>
        <source>Geri al: {0} (Ctrl+Z)</source>
        <translation>Undo: {0} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Geri al (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Yinele: {0} (Ctrl+Y)</source>
        <translation>Redo: {0} (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Yinele (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Kopyayı yeniden yaz…</source>
        <translation>Write the copy again…</translation>
    </message>
    <message>
        <source>Kopya kaydet…</source>
        <translation>Save copy…</translation>
    </message>
    <message>
        <source>salt okunur</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>Salt okunur — değişiklik yapılamaz</source>
        <translation>Read-only — no changes possible</translation>
    </message>
    <message>
        <source>kilitli</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>Gönderildi — kilitli</source>
        <translation>Submitted — locked</translation>
    </message>
    <message>
        <source>TASLAK kopya</source>
        <translation>DRAFT copy</translation>
    </message>
    <message>
        <source>✓ Tüm değişiklikler dosyaya kaydedildi</source>
        <translation>✓ Every change is saved in the file</translation>
    </message>
    <message>
        <source>Tamamlandı</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Kısmen dolduruldu</source>
        <translation>Partly filled in</translation>
    </message>
    <message>
        <source>Henüz bir şey girilmedi</source>
        <translation>Nothing entered yet</translation>
    </message>
    <message>
        <source>Düzeltilmesi gereken hata var</source>
        <translation>There is an error to fix</translation>
    </message>
    <message>
        <source>Bölümler</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>girildi</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>dolu</source>
        <translation>filled</translation>
    </message>
    <message>
        <source>{0} hata</source>
        <translation>{0} errors</translation>
    </message>
    <message>
        <source>{0} zorunlu boş</source>
        <translation>{0} required empty</translation>
    </message>
    <message>
        <source>{0} uyarı</source>
        <translation>{0} warnings</translation>
    </message>
    <message>
        <source>Faaliyet Raporu — birim veri girişi</source>
        <translation>Activity Report — department data entry</translation>
    </message>
    <message>
        <source>Biriminizin yıllık faaliyet bilgilerini bu programla girersiniz. Her değişiklik yazdığınız anda dosyaya kaydedilir; ayrıca kaydetmeniz gerekmez.</source>
        <translation>With this program you enter your department&apos;s activities for the year. Every change is saved in the file as you type; there is nothing else to save.</translation>
    </message>
    <message>
        <source>Son açılan dosyalar</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>Seçili dosyayı aç</source>
        <translation>Open the selected file</translation>
    </message>
    <message>
        <source>Bir dosyayı açın</source>
        <translation>Open a file</translation>
    </message>
    <message>
        <source>Strateji Geliştirme&apos;nin size verdiği ya da daha önce oluşturduğunuz .faaliyet dosyasını açın.</source>
        <translation>Open the .faaliyet file the strategy unit gave you or one you created before.</translation>
    </message>
    <message>
        <source>Yeni birim dosyası oluşturun</source>
        <translation>Create a new department file</translation>
    </message>
    <message>
        <source>Yıl ve kurum:</source>
        <translation>Year and institution:</translation>
    </message>
    <message>
        <source>Birim:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <source>Oluştur…</source>
        <translation>Create…</translation>
    </message>
    <message>
        <source>Yeni yıl (Strateji Geliştirme)</source>
        <translation>New year (Strategy Development)</translation>
    </message>
    <message>
        <source>Belediyenizin tanım klasörünü (tanim.yaml, plan.yaml ve birimler/ klasörü) seçin; yılın birleşik dosyası ondan oluşturulur ve birimlerden gelen dosyalar ona birleştirilir.</source>
        <translation>Choose your municipality&apos;s definition folder (tanim.yaml, plan.yaml and the birimler/ folder); the year&apos;s consolidated file is created from it and the departments&apos; files are merged into it.</translation>
    </message>
    <message>
        <source>Yeni yıl…</source>
        <translation>New year…</translation>
    </message>
    <message>
        <source>Bir tanım klasörü seçin; yılın birleşik dosyası ondan oluşturulur</source>
        <translation>Choose a definition folder; the year&apos;s consolidated file is created from it</translation>
    </message>
    <message>
        <source>Seçili yıl için birleşik dosya…</source>
        <translation>Consolidated file for the selected year…</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; klasörü bulunamadı (taşınmış ya da USB bellek takılı değil).</source>
        <translation>Folder &apos;{0}&apos; was not found (moved, or the USB stick is not plugged in).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; klasöründeki tanım yüklenemedi. Şu sorunları düzeltip klasörü yeniden seçin:</source>
        <translation>The definition in &apos;{0}&apos; could not be loaded. Fix these problems and choose the folder again:</translation>
    </message>
    <message>
        <source>… ve {0} sorun daha</source>
        <translation>… and {0} more problems</translation>
    </message>
    <message>
        <source>Tanım klasörü: {0}</source>
        <translation>Definition folder: {0}</translation>
    </message>
    <message>
        <source>Yılın tanım klasörünü seçin</source>
        <translation>Choose the year&apos;s definition folder</translation>
    </message>
    <message>
        <source>Tanım yüklenemedi</source>
        <translation>Definition could not be loaded</translation>
    </message>
    <message>
        <source>Birimlerden gelen dosyaların birleştirileceği, yılın tek dosyasını oluşturur</source>
        <translation>Creates the year&apos;s single file into which the departments&apos; files are merged</translation>
    </message>
    <message>
        <source>Yardım için F1&apos;e basın.</source>
        <translation>Press F1 for help.</translation>
    </message>
    <message>
        <source>bulunamadı (taşınmış ya da USB bellek takılı değil)</source>
        <translation>not found (moved, or the USB stick is not plugged in)</translation>
    </message>
    <message>
        <source>Henüz dosya açılmadı.</source>
        <translation>No file opened yet.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; bir tanım klasörü değil: içinde tanim.yaml yok. tanim.yaml dosyasını içeren klasörü seçin (ör. forms/{1}).</source>
        <translation>&apos;{0}&apos; is not a definition folder: it has no tanim.yaml. Choose the folder that contains tanim.yaml (e.g. forms/{1}).</translation>
    </message>
    <message>
        <source>tanım okunamadı</source>
        <translation>definition could not be read</translation>
    </message>
    <message>
        <source>Dosya gönderilemedi: {0} hata düzeltilmeli.
Denetim panelinde hataya tıklayınca ilgili alana gidilir.

</source>
        <translation>The file could not be sent: {0} errors must be fixed.
Clicking an error in the check panel takes you to its field.

</translation>
    </message>
    <message>
        <source>… ve {0} hata daha: hepsi Denetim panelinde.</source>
        <translation>… and {0} more errors: all of them in the Checks panel.</translation>
    </message>
    <message>
        <source>Dosya salt okunur açık ({0}); gönderilemez.</source>
        <translation>The file is open read-only ({0}); it cannot be sent.</translation>
    </message>
    <message>
        <source>Dosya denetlendi, hata yok. Gönderildi olarak işaretlenecek, düzenlemeye kapanacak ve kopyası şuraya yazılacak:
{0}

Değişiklik gerekirse &apos;Gönderimi geri al…&apos; ile gerekçe yazarak geri alabilirsiniz. Gönderilsin mi?</source>
        <translation>The file was checked and has no errors. It will be marked as sent, closed for editing, and its copy written to:
{0}

If a change is needed you can take it back with a reason using &apos;Take submission back…&apos;. Send it?</translation>
    </message>
    <message>
        <source>Gönderilemedi; dosya eskisi gibi duruyor.</source>
        <translation>Not sent; the file is as it was.</translation>
    </message>
    <message>
        <source>Gönderildi ({0}, {1}). Denetlenmiş kopya yazıldı:
{2}

Bu kopyayı Strateji Geliştirme&apos;ye iletin (USB bellek, ağ klasörü, e-posta).</source>
        <translation>Sent ({0}, {1}). The checked copy was written:
{2}

Deliver this copy to Strategy Development (USB stick, network folder, e-mail).</translation>
    </message>
    <message>
        <source>Taslak kopyayı nereye kaydedeyim?</source>
        <translation>Where should I save the draft copy?</translation>
    </message>
    <message>
        <source>Gönderilmiş dosyanın kopyası yazıldı:
{0}</source>
        <translation>A copy of the sent file was written:
{0}</translation>
    </message>
    <message>
        <source>TASLAK kopya yazıldı:
{0}

Bu dosya gönderilmedi; Strateji Geliştirme&apos;de de taslak görünür. Göndermek için &apos;Gönder…&apos;.</source>
        <translation>DRAFT copy written:
{0}

This file was not sent; Strategy Development also sees it as a draft. To send it, use &apos;Send…&apos;.</translation>
    </message>
    <message>
        <source>Gönderimi neden geri alıyorsunuz? (Gerekçe, dosyayı bir sonraki aktarımda Strateji Geliştirme&apos;ye görünür.)</source>
        <translation>Why are you taking the submission back? (Strategy Development sees the reason at the file&apos;s next import.)</translation>
    </message>
    <message>
        <source>Gönderim geri alındı; dosya yeniden taslak. Düzeltip yeniden &apos;Gönder…&apos;.</source>
        <translation>Submission taken back; the file is a draft again. Fix it and use &apos;Send…&apos; again.</translation>
    </message>
    <message>
        <source>Bu geri gönderme notu dosyaya daha önce işlenmiş.</source>
        <translation>This return note was already applied to the file.</translation>
    </message>
    <message>
        <source>Strateji Geliştirme dosyayı notla geri gönderdi; dosya düzenlemeye açıldı. Not ve işaretli alanlar ekranda.</source>
        <translation>Strategy Development sent the file back with a note; the file is open for editing. The note and the marked fields are on screen.</translation>
    </message>
    <message>
        <source>Bu dosya {0} tarihinde {1} tarafından gönderildi; düzenlemeye kapalıdır. Değişiklik gerekirse Dosya → &apos;Gönderimi geri al…&apos; ile gerekçe yazın ya da Strateji Geliştirme&apos;nin geri göndermesini bekleyin.</source>
        <translation>This file was sent on {0} by {1}; it is closed for editing. If a change is needed, give a reason with File → &apos;Take submission back…&apos; or wait for Strategy Development to send it back.</translation>
    </message>
    <message>
        <source>TASLAK kopya: bu, gönderilmemiş bir dosyanın kopyasıdır; Strateji Geliştirme&apos;ye gönderilmiş sayılmaz.</source>
        <translation>DRAFT copy: this is a copy of a file that was not sent; it does not count as sent to Strategy Development.</translation>
    </message>
    <message>
        <source> Düzeltilecek {0} alan denetim panelinde işaretli.</source>
        <translation> {0} fields to fix are marked in the check panel.</translation>
    </message>
    <message>
        <source>Strateji Geliştirme dosyayı geri gönderdi ({0}, {1}): “{2}”</source>
        <translation>Strategy Development sent the file back ({0}, {1}): “{2}”</translation>
    </message>
    <message>
        <source>Düzeltip yeniden &apos;Gönder…&apos;.</source>
        <translation>Fix it and use &apos;Send…&apos; again.</translation>
    </message>
    <message>
        <source>Gönderimi geri aldınız: “{0}”. Düzeltip yeniden &apos;Gönder…&apos;.</source>
        <translation>You took the submission back: “{0}”. Fix it and use &apos;Send…&apos; again.</translation>
    </message>
    <message>
        <source>Gönderilecek kopyayı nereye kaydedeyim? (USB bellek, ağ klasörü…)</source>
        <translation>Where should the copy to send be saved? (USB stick, network folder…)</translation>
    </message>
    <message>
        <source>Yeni birleşik dosyayı nereye kaydedeyim?</source>
        <translation>Where should the new consolidated file be saved?</translation>
    </message>
    <message>
        <source>Faaliyet dosyası (*.faaliyet)</source>
        <translation>Faaliyet file (*.faaliyet)</translation>
    </message>
    <message>
        <source>Birim dosyalarını seçin</source>
        <translation>Choose department files</translation>
    </message>
    <message>
        <source>Birim dosyalarının bulunduğu klasörü seçin</source>
        <translation>Choose the folder holding the department files</translation>
    </message>
    <message>
        <source>Raporu nereye kaydedeyim?</source>
        <translation>Where should the report be saved?</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Durum tablosu</source>
        <translation>Status board</translation>
    </message>
    <message>
        <source>Birimlerden gelen dosyaları denetleyip birleşik dosyaya aktar</source>
        <translation>Check the departments&apos; files and import them into the consolidated file</translation>
    </message>
    <message>
        <source>Raporu oluştur…</source>
        <translation>Build report…</translation>
    </message>
    <message>
        <source>Kurumun faaliyet raporunu PDF olarak oluştur</source>
        <translation>Build the institution&apos;s activity report as PDF</translation>
    </message>
    <message>
        <source>Excel&apos;e aktar…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Performans tablosu ve bütün tablolar tek .xlsx dosyasına</source>
        <translation>Performance table and every table into one .xlsx file</translation>
    </message>
    <message>
        <source>Sonraki yılı hazırla…</source>
        <translation>Prepare next year…</translation>
    </message>
    <message>
        <source>Bu yılın birleşik dosyasından sonraki yılın tanım klasörünü ve birleşik dosyasını yaz</source>
        <translation>Write next year&apos;s definition folder and consolidated file from this year&apos;s consolidated file</translation>
    </message>
    <message>
        <source>Geçmiş yıl ekle…</source>
        <translation>Add past year…</translation>
    </message>
    <message>
        <source>Önceki yılların birleşik dosyalarındaki değerleri bu dosyaya geçmiş yıl olarak ekle</source>
        <translation>Add the values of earlier years&apos; consolidated files to this file as past years</translation>
    </message>
    <message>
        <source>Kapat</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Strateji Geliştirme kılavuzunu aç</source>
        <translation>Open the strategy unit guide</translation>
    </message>
    <message>
        <source>&amp;Yıl</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; bir birim dosyası; bu pencere birleşik yıl dosyası içindir.</source>
        <translation>&apos;{0}&apos; is a department file; this window is for the consolidated file of the year.</translation>
    </message>
    <message>
        <source>Kurum bölümleri (I, II, IV, V)</source>
        <translation>Institution chapters (I, II, IV, V)</translation>
    </message>
    <message>
        <source>Aktarım geçmişi</source>
        <translation>Import log</translation>
    </message>
    <message>
        <source>Yıl ayarları</source>
        <translation>Year settings</translation>
    </message>
    <message>
        <source>Rapor</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Faaliyet — Strateji Geliştirme</source>
        <translation>Faaliyet — Strategy Development</translation>
    </message>
    <message>
        <source>{0} — Birleşik dosya {1} — {2}{3} — Faaliyet</source>
        <translation>{0} — Consolidated file {1} — {2}{3} — Faaliyet</translation>
    </message>
    <message>
        <source>Kabul edilemedi</source>
        <translation>Could not accept</translation>
    </message>
    <message>
        <source>{0} kabul edildi.</source>
        <translation>{0} accepted.</translation>
    </message>
    <message>
        <source> Hatalı {0} alan birimin ekranında işaretlenir.</source>
        <translation> {0} fields with errors will be marked on the department&apos;s screen.</translation>
    </message>
    <message>
        <source>Notla geri gönder</source>
        <translation>Send back with a note</translation>
    </message>
    <message>
        <source>Geri gönderilemedi</source>
        <translation>Could not send back</translation>
    </message>
    <message>
        <source>{0} notla geri gönderildi.</source>
        <translation>{0} sent back with a note.</translation>
    </message>
    <message>
        <source>Aktarılamadı</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <source>Birleşik dosya salt okunur açık; dosya aktarılamaz.</source>
        <translation>The consolidated file is open read-only; files cannot be imported.</translation>
    </message>
    <message>
        <source>✓ Kurum bölümlerinde hata yok.</source>
        <translation>✓ No errors in the institution chapters.</translation>
    </message>
    <message>
        <source>Birim dosyaları hangi klasöre yazılsın?</source>
        <translation>Which folder should the department files be written to?</translation>
    </message>
    <message>
        <source>Faaliyet dosyası ya da onları içeren sıkıştırılmış klasör (*.faaliyet *.zip)</source>
        <translation>Faaliyet files or a compressed folder holding them (*.faaliyet *.zip)</translation>
    </message>
    <message>
        <source>Geri gönderme dosyasını nereye kaydedeyim?</source>
        <translation>Where should I save the return file?</translation>
    </message>
    <message>
        <source>Geri gönderme notu (*.geri.json)</source>
        <translation>Return note (*.geri.json)</translation>
    </message>
    <message>
        <source>Sonraki yılın birleşik dosyası nereye yazılsın?</source>
        <translation>Where should next year&apos;s consolidated file be written?</translation>
    </message>
    <message>
        <source>Geçmiş yılların birleşik dosyalarını seçin</source>
        <translation>Choose the consolidated files of past years</translation>
    </message>
    <message>
        <source>{0} birimi neyi düzeltmeli? Not, birime ileteceğiniz geri gönderme dosyasına yazılır.</source>
        <translation>What should {0} fix? The note is written into the return file you deliver to the department.</translation>
    </message>
    <message>
        <source>Notla geri gönderildi</source>
        <translation>Sent back with a note</translation>
    </message>
    <message>
        <source>{0} notla geri gönderildi. Bu dosyayı birime iletin (USB bellek, ağ klasörü, e-posta):
{1}

Birim dosyayı açınca kendi dosyası notla düzenlemeye açılır.</source>
        <translation>{0} was sent back with a note. Deliver this file to the department (USB stick, network folder, e-mail):
{1}

When the department opens it, their own file opens for editing with the note.</translation>
    </message>
    <message>
        <source>Birim dosyaları dağıtılamadı</source>
        <translation>The department files could not be distributed</translation>
    </message>
    <message>
        <source>{0} birim dosyası yazıldı: {1}</source>
        <translation>{0} department file(s) written: {1}</translation>
    </message>
    <message>
        <source>{0} dosya yazılmadı:</source>
        <translation>{0} file(s) not written:</translation>
    </message>
    <message>
        <source>Birim dosyaları</source>
        <translation>Department files</translation>
    </message>
    <message>
        <source>Sonraki yılı hazırla</source>
        <translation>Prepare next year</translation>
    </message>
    <message>
        <source>{0} yılı hazırlanacak:
• tanım klasörü: {1}
• birleşik dosya: {2}

Bu dosya değişmez; {3} yılının değerleri yeni dosyada geçen yıl olarak, salt okunur durur. Devam edilsin mi?</source>
        <translation>Year {0} will be prepared:
• definition folder: {1}
• consolidated file: {2}

This file does not change; the values of {3} stay in the new file as last year, read-only. Continue?</translation>
    </message>
    <message>
        <source>Sonraki yıl hazırlanamadı</source>
        <translation>Next year could not be prepared</translation>
    </message>
    <message>
        <source>{0} yılının dosyaları yazıldı.</source>
        <translation>The files of year {0} were written.</translation>
    </message>
    <message>
        <source>Sonraki yıl hazır</source>
        <translation>Next year is ready</translation>
    </message>
    <message>
        <source>{0} yılı hazırlandı: {1}</source>
        <translation>Year {0} prepared: {1}</translation>
    </message>
    <message>
        <source>Eklenemedi</source>
        <translation>Could not add</translation>
    </message>
    <message>
        <source>Birleşik dosya salt okunur açık; geçmiş yıl eklenemez.</source>
        <translation>The consolidated file is open read-only; past years cannot be added.</translation>
    </message>
    <message>
        <source>Geçmiş yıl eklenemedi</source>
        <translation>Past year could not be added</translation>
    </message>
    <message>
        <source>Dosya değiştirilmedi.</source>
        <translation>The file was not changed.</translation>
    </message>
    <message>
        <source>Kurum bölümlerinde geçen yılın değerleri, dosya yeniden açılınca alanların yanında görünür.</source>
        <translation>In the institution chapters, last year&apos;s values appear beside the fields when the file is opened again.</translation>
    </message>
    <message>
        <source>Geçmiş yıllar eklendi</source>
        <translation>Past years added</translation>
    </message>
    <message>
        <source>Ek doğrudan aktarılamaz</source>
        <translation>An attachment cannot be imported directly</translation>
    </message>
    <message>
        <source>E-postadan sürüklenen ekler{0} doğrudan okunamıyor. Eki önce bir klasöre kaydedin (ekin üzerinde sağ tık → &apos;Farklı Kaydet&apos;, ya da eki masaüstüne sürükleyin); sonra o dosyayı buraya bırakın ya da &apos;Dosya ekle…&apos; ile seçin.</source>
        <translation>Attachments dragged out of an e-mail{0} cannot be read directly. Save the attachment to a folder first (right-click it → &apos;Save As&apos;, or drag it to the desktop); then drop that file here or choose it with &apos;Add files…&apos;.</translation>
    </message>
    <message>
        <source>Çakışmalar için karar verilmedi; birleşik dosya değiştirilmedi.</source>
        <translation>No decision on the conflicts; the consolidated file was not changed.</translation>
    </message>
    <message>
        <source>Aktarım sonucu</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>Eski dosya</source>
        <translation>Older file</translation>
    </message>
    <message>
        <source>{0} dosya, daha önce aktarılmış dosyadan eski olduğu için reddedildi. Bu dosyalar yine de aktarılsın mı? (Birleşik dosyadaki o birimin verileri eski dosyadakilerle değiştirilir.)</source>
        <translation>{0} file(s) were refused as older than the file already imported. Import them anyway? (That department&apos;s data in the consolidated file is replaced by the older file&apos;s.)</translation>
    </message>
    <message>
        <source>Güvenilmeyen zamanlar</source>
        <translation>Untrusted times</translation>
    </message>
    <message>
        <source>{0} dosyada gelecekte ya da yılın başından önce görünen değişiklik zamanları var; gönderen bilgisayarın saati yanlış olabilir ya da dosya Faaliyet dışında değiştirilmiş olabilir. Gönderenle konuştuysanız ve zamanlar dışında dosya doğruysa yine de aktarılsın mı?</source>
        <translation>{0} file(s) hold change times in the future or before the start of the year; the sending PC&apos;s clock may be wrong, or the file was changed outside Faaliyet. If you have spoken with the sender and the file is right apart from its times, import it anyway?</translation>
    </message>
    <message>
        <source>Rapor üretimi durduruldu; dosya yazılmadı.</source>
        <translation>Report build stopped; no file was written.</translation>
    </message>
    <message>
        <source>Rapor oluşturulamadı</source>
        <translation>Could not build the report</translation>
    </message>
    <message>
        <source>{0} sayfa</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>TASLAK: denetimde hata var, her sayfada TASLAK yazar</source>
        <translation>DRAFT: the check found errors, every page says TASLAK</translation>
    </message>
    <message>
        <source>Rapor yazıldı: {0}</source>
        <translation>Report written: {0}</translation>
    </message>
    <message>
        <source>Excel dosyasını nereye kaydedeyim?</source>
        <translation>Where should the Excel file be saved?</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel&apos;e aktarılamadı</source>
        <translation>Could not export to Excel</translation>
    </message>
    <message>
        <source>Excel dosyası yazıldı: {0}</source>
        <translation>Excel file written: {0}</translation>
    </message>
    <message>
        <source>Eksik — dosyası gelmedi</source>
        <translation>Missing — no file received</translation>
    </message>
    <message>
        <source>Gönderildi</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Kabul edildi</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Geri gönderildi</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <source>Birim</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tamamlanma</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Hata</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Uyarı</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Son aktarım</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{0} çakışma karar bekliyor</source>
        <translation>{0} conflicts awaiting a decision</translation>
    </message>
    <message>
        <source>Kurum bölümleri (bu dosyada)</source>
        <translation>Institution chapters (in this file)</translation>
    </message>
    <message>
        <source>Taslak — gönderilmedi</source>
        <translation>Draft — not sent</translation>
    </message>
    <message>
        <source>Birim gönderimini geri aldı: “{0}”</source>
        <translation>The department took its submission back: “{0}”</translation>
    </message>
    <message>
        <source>Dosya: {0}
Aktaran: {1}
Dosyayı gönderen: {2}, {3}
{4} eklenen, {5} değişen, {6} silinen değer</source>
        <translation>File: {0}
Imported by: {1}
Sent by: {2}, {3}
{4} added, {5} changed, {6} removed values</translation>
    </message>
    <message>
        <source>Son durum değişikliği: {0}, {1}</source>
        <translation>Last state change: {0}, {1}</translation>
    </message>
    <message>
        <source>Birimlerden gelen .faaliyet dosyalarını (ya da hepsinin bulunduğu klasörü) bu pencereye sürükleyip bırakın: her dosya yazılmadan önce denetlenir, aynı dosya iki kez aktarılmaz, çakışan değerler size sorulur.</source>
        <translation>Drag the departments&apos; .faaliyet files (or the folder holding them) onto this window: every file is checked before anything is written, the same file is never imported twice, and conflicting values are put to you.</translation>
    </message>
    <message>
        <source>Dosya ekle…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Klasör ekle…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Birim dosyalarını dağıt…</source>
        <translation>Distribute department files…</translation>
    </message>
    <message>
        <source>Her birime, bu dosyadaki tanım ve yıl ayarlarıyla (tolerans, imzacılar) boş bir birim dosyası yaz</source>
        <translation>Write an empty department file for each department, with this file&apos;s definition and year settings (tolerance, signers)</translation>
    </message>
    <message>
        <source>Kabul et</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Gönderilmiş ve hatasız birimi kabul et</source>
        <translation>Accept a submitted department without errors</translation>
    </message>
    <message>
        <source>Notla geri gönder…</source>
        <translation>Send back with a note…</translation>
    </message>
    <message>
        <source>Birimin düzeltmesi gerekenleri bir notla yazıp geri gönder</source>
        <translation>Write what the department must correct and send it back</translation>
    </message>
    <message>
        <source>Birim raporu…</source>
        <translation>Department report…</translation>
    </message>
    <message>
        <source>Seçili birimin raporunu PDF olarak oluşturup göster</source>
        <translation>Build and show the selected department&apos;s report as PDF</translation>
    </message>
    <message>
        <source>eksik</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>taslak</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>gönderildi</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>kabul edildi</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>geri gönderildi</source>
        <translation>sent back</translation>
    </message>
    <message>
        <source>{0} birim</source>
        <translation>{0} departments</translation>
    </message>
    <message>
        <source>{0} birimde çakışma karar bekliyor</source>
        <translation>conflicts awaiting a decision in {0} departments</translation>
    </message>
    <message>
        <source>Rapor hazırlanıyor…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>Durdur</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Rapor oluşturuluyor</source>
        <translation>Building the report</translation>
    </message>
    <message>
        <source>Durduruluyor…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Rapor hazırlanıyor: {0}</source>
        <translation>Preparing the report: {0}</translation>
    </message>
    <message>
        <source>Çakışmalar — karar verin</source>
        <translation>Conflicts — decide</translation>
    </message>
    <message>
        <source>Aşağıdaki değerler son aktarımdan bu yana hem birleşik dosyada hem de gelen dosyada ({0}) farklı biçimde değiştirilmiş. Her satır için hangi değerin kalacağını seçin. Karar verilene kadar birleşik dosyaya hiçbir şey yazılmaz.</source>
        <translation>Since the last import, the values below were changed differently both in the consolidated file and in the incoming file ({0}). Choose for every row which value stays. Nothing is written to the consolidated file until you decide.</translation>
    </message>
    <message>
        <source>(boş)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Excel şablonundan doldur — önizleme</source>
        <translation>Fill from Excel template — preview</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; dosyasından {1} değer değişecek. Uygularsanız hepsi birlikte kaydedilir; Ctrl+Z hepsini tek adımda geri alır.</source>
        <translation>{1} values will change from &apos;{0}&apos;. If you apply them they are saved together; Ctrl+Z undoes them all in one step.</translation>
    </message>
    <message>
        <source>Alan</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Şimdiki değer</source>
        <translation>Value now</translation>
    </message>
    <message>
        <source>Şablondaki yeni değer</source>
        <translation>New value in the template</translation>
    </message>
    <message>
        <source>Excel hücresi</source>
        <translation>Excel cell</translation>
    </message>
    <message>
        <source>… ve {0} değer daha.</source>
        <translation>… and {0} more values.</translation>
    </message>
    <message>
        <source>Uygula</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Vazgeç (dosya değişmez)</source>
        <translation>Cancel (the file does not change)</translation>
    </message>
    <message>
        <source>Son
aktarımda</source>
        <translation>At the last
import</translation>
    </message>
    <message>
        <source>Birleşik
dosyada</source>
        <translation>In the combined
file</translation>
    </message>
    <message>
        <source>Değiştiren
(birleşik)</source>
        <translation>Changed by
(combined)</translation>
    </message>
    <message>
        <source>Gelen
dosyada</source>
        <translation>In the incoming
file</translation>
    </message>
    <message>
        <source>Değiştiren
(gelen)</source>
        <translation>Changed by
(incoming)</translation>
    </message>
    <message>
        <source>Karar</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>— seçin —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Birleşikteki kalsın</source>
        <translation>Keep consolidated</translation>
    </message>
    <message>
        <source>Gelen alınsın</source>
        <translation>Take incoming</translation>
    </message>
    <message>
        <source>Hepsinde birleşikteki kalsın</source>
        <translation>Keep consolidated for all</translation>
    </message>
    <message>
        <source>Hepsinde gelen alınsın</source>
        <translation>Take incoming for all</translation>
    </message>
    <message>
        <source>Kararları uygula ve aktar</source>
        <translation>Apply decisions and import</translation>
    </message>
    <message>
        <source>Vazgeç (hiçbir şey yazılmaz)</source>
        <translation>Cancel (nothing is written)</translation>
    </message>
    <message>
        <source>{0} satırda karar bekleniyor</source>
        <translation>{0} rows await a decision</translation>
    </message>
    <message>
        <source>Her satır için karar verildi.</source>
        <translation>Every row is decided.</translation>
    </message>
    <message>
        <source>Dosyalar denetleniyor…</source>
        <translation>Checking files…</translation>
    </message>
    <message>
        <source>Birim dosyaları aktarılıyor</source>
        <translation>Importing department files</translation>
    </message>
    <message>
        <source>Denetleniyor: {0}</source>
        <translation>Checking: {0}</translation>
    </message>
    <message>
        <source>Tamamlanıyor…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <source>Karşılaştırılıyor: {0}</source>
        <translation>Comparing: {0}</translation>
    </message>
    <message>
        <source>Yazılıyor: {0}</source>
        <translation>Writing: {0}</translation>
    </message>
    <message>
        <source>◀ Önceki</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Sonraki ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Sayfa</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Küçült</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Büyüt</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Sayfayı pencerenin genişliğine sığdır</source>
        <translation>Fit the page to the width of the window</translation>
    </message>
    <message>
        <source>Yazdır…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Sistemde aç</source>
        <translation>Open in system viewer</translation>
    </message>
    <message>
        <source>PDF&apos;yi bilgisayarın PDF görüntüleyicisinde aç</source>
        <translation>Open the PDF in the computer&apos;s PDF viewer</translation>
    </message>
    <message>
        <source>Bu kurulumda PDF&apos;yi pencerede gösterecek bileşen (pypdfium2) yok. &quot;Sistemde aç&quot; ile bilgisayarın PDF görüntüleyicisinde açın.</source>
        <translation>This installation lacks the component (pypdfium2) that shows the PDF in the window. Use &quot;Open in system viewer&quot; to open it in the computer&apos;s PDF viewer.</translation>
    </message>
    <message>
        <source>/ {0}</source>
        <translation>/ {0}</translation>
    </message>
    <message>
        <source>Üst yönetici (İç kontrol güvence beyanı)</source>
        <translation>Top manager (internal control assurance statement)</translation>
    </message>
    <message>
        <source>Mali hizmetler birim yöneticisi (beyan)</source>
        <translation>Head of financial services (statement)</translation>
    </message>
    <message>
        <source>Harcama yetkilisi (beyan)</source>
        <translation>Spending authority (statement)</translation>
    </message>
    <message>
        <source>%92 (önde)</source>
        <translation>%92 (before)</translation>
    </message>
    <message>
        <source>92% (sonda)</source>
        <translation>92% (after)</translation>
    </message>
    <message>
        <source>Yıl</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kurum</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Sapma toleransı</source>
        <translation>Deviation tolerance</translation>
    </message>
    <message>
        <source>gerçekleşmenin hedeften bu kadar sapması açıklama istemez</source>
        <translation>a deviation from the target up to this needs no explanation</translation>
    </message>
    <message>
        <source>Yüzde yazımı</source>
        <translation>Percent style</translation>
    </message>
    <message>
        <source>Tanım</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Beyan</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Ad soyad</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unvan</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Yer</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Tarih</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Aktarıldı</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Gönderen</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <source>Değişen değerler</source>
        <translation>Changed values</translation>
    </message>
    <message>
        <source>{0} eklenen, {1} değişen, {2} silinen</source>
        <translation>{0} added, {1} changed, {2} removed</translation>
    </message>
    <message>
        <source>birleşikteki {0} değişiklik korundu</source>
        <translation>{0} changes in the consolidated file kept</translation>
    </message>
    <message>
        <source>çakışma kararları: {0}</source>
        <translation>conflict decisions: {0}</translation>
    </message>
    <message>
        <source>{0} birleşikteki, {1} gelen</source>
        <translation>{0} consolidated, {1} incoming</translation>
    </message>
    <message>
        <source>Gönderildi, {0}</source>
        <translation>Submitted, {0}</translation>
    </message>
    <message>
        <source>Bir kaydı seçin: bütün ayrıntıları burada görünür.</source>
        <translation>Select a record: all its details appear here.</translation>
    </message>
    <message>
        <source>{0} — dosya: {1}</source>
        <translation>{0} — file: {1}</translation>
    </message>
    <message>
        <source>Aktarıldı: {0}, aktaran: {1}. Gönderen: {2}; {3}.</source>
        <translation>Imported: {0}, by: {1}. Sent by: {2}; {3}.</translation>
    </message>
    <message>
        <source>Değişen değerler: {0}</source>
        <translation>Changed values: {0}</translation>
    </message>
    <message>
        <source>Dosya özeti (SHA-256): {0}</source>
        <translation>File digest (SHA-256): {0}</translation>
    </message>
    <message>
        <source>İçerik özeti: {0}</source>
        <translation>Content digest: {0}</translation>
    </message>
    <message>
        <source>Çakışma kararları:</source>
        <translation>Conflict decisions:</translation>
    </message>
    <message>
        <source>{0}: birleşikteki değer korundu</source>
        <translation>{0}: the consolidated value kept</translation>
    </message>
    <message>
        <source>{0}: gelen değer alındı</source>
        <translation>{0}: the incoming value taken</translation>
    </message>
    <message>
        <source>{0} — geri gönderme notu</source>
        <translation>{0} — send-back note</translation>
    </message>
    <message>
        <source>Yazıldı: {0}, yazan: {1}.</source>
        <translation>Written: {0}, by: {1}.</translation>
    </message>
    <message>
        <source>{0} aktarım kaydı (en yenisi üstte). Her aktarılan dosya adı, özeti, gönderen, gönderilme ve aktarılma zamanı, aktaran ve değişenlerle kaydedilir.</source>
        <translation>{0} import records (newest first). Every imported file is recorded with its name, hash, sender, submission and import time, who imported it and what changed.</translation>
    </message>
    <message>
        <source> Geri gönderme notları da listede: {0}.</source>
        <translation> Return notes are in the list too: {0}.</translation>
    </message>
    <message>
        <source>; {0} alan işaretli</source>
        <translation>; {0} fields marked</translation>
    </message>
    <message>
        <source>Not: “{0}”</source>
        <translation>Note: “{0}”</translation>
    </message>
    <message>
        <source>Raporda basılmaz: yılın ayarlarıdır.</source>
        <translation>Not printed in the report: these are the year&apos;s settings.</translation>
    </message>
    <message>
        <source>tanımdaki değer: {0}</source>
        <translation>definition&apos;s value: {0}</translation>
    </message>
    <message>
        <source>tanımda yok</source>
        <translation>not in the definition</translation>
    </message>
    <message>
        <source>Geçen yılın değeri: dosyadaki {0} değerlerinden gelir, değiştirilemez.</source>
        <translation>Last year&apos;s value: comes from the file&apos;s {0} values and cannot be changed.</translation>
    </message>
    <message>
        <source>Geçen yılın ({0}) değerlerini hücrelerde göster</source>
        <translation>Show last year&apos;s ({0}) values in the cells</translation>
    </message>
    <message>
        <source>Gri hücreler hesaplanır. Enter: aşağı, Tab: sonraki hücre (sonuncusundan sonra tablodan çıkar); Excel&apos;den kopyaladığınız bloğu Ctrl+V ile yapıştırabilirsiniz.</source>
        <translation>Grey cells are computed. Enter: down, Tab: next cell (after the last one, out of the table); you can paste a block copied from Excel with Ctrl+V.</translation>
    </message>
    <message>
        <source>Boş: tanımdaki değer geçerli ({0}).</source>
        <translation>Empty: the definition&apos;s value applies ({0}).</translation>
    </message>
    <message>
        <source>tanımdaki: {0}</source>
        <translation>definition: {0}</translation>
    </message>
    <message>
        <source>Bu ayarlar yılın form tanımından gelir; bu tanımda yıl ayarları bölümü olmadığı için burada değiştirilemez. Değiştirmek için tanım klasöründeki tanim.yaml dosyasının &apos;year&apos; bölümü güncellenmelidir.</source>
        <translation>These settings come from the year&apos;s form definition; this definition has no year-settings section, so they cannot be changed here. To change them, update the &apos;year&apos; section of tanim.yaml in the definition folder.</translation>
    </message>
    <message>
        <source>Geçen yıl ({0}): {1}</source>
        <translation>Last year ({0}): {1}</translation>
    </message>
    <message>
        <source>Geçen yılın değeri; yalnızca karşılaştırma için gösterilir, değiştirilemez.</source>
        <translation>Last year&apos;s value; shown for comparison only and cannot be changed.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Faaliyet — birim veri girişi&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Kaydetmek gerekmez.&lt;/b&gt; Bir alandan çıktığınızda ya da Enter&apos;a bastığınızda yazdığınız değer
dosyaya kaydedilir; metin alanları yazmaya kısa bir ara verdiğinizde de. Program kapanırken bir şey sormaz.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Sayılar&lt;/b&gt; Türkçe yazılır: ondalık ayırıcı virgül, binlik ayırıcı nokta (150.000 yüz elli bindir;
1.234.567,89). Noktadan sonra üç rakamdan farklı sayıda rakam gelirse nokta ondalık sayılır (12.5 = 12,5).
Alanın altında programın ne okuduğu yazar (= 150.000,00 TL); değer alandan çıkınca kaydedilir. Okunamayan bir
değer kırmızı işaretlenir, nedeni alanın altında kırmızı yazar; başka bir sayıya dönüştürülmez.
Yazdığınız kaybolmaz da: dosyada saklanır, dosya yeniden açılınca yine kırmızı görünür. Düzeltin ya da silin;
düzeltilmeden dosya gönderilemez.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Tarihler&lt;/b&gt; gün.ay.yıl: 31.12.2020.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Tablolar:&lt;/b&gt; Enter aşağı, Tab sağa, oklar hücreler arasında gezer. Yazmaya başlayınca hücre düzenlenir.
Gri hücreler (toplamlar, formüller) hesaplanır. Excel&apos;den kopyaladığınız bir bloğu Ctrl+V ile yapıştırabilirsiniz;
Türkçe ya da İngilizce sayı biçimi kendiliğinden tanınır. Delete seçili hücreleri siler.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Göstergeler:&lt;/b&gt; gerçekleşen değeri, kaynağını ve hedeften sapmanın açıklamasını girin. Açıklaması
zorunlu olanlar kırmızı işaretlenir.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Denetim&lt;/b&gt; panelindeki bir satıra tıklayınca ilgili alana gidilir. Hatalar düzeltilmeden dosya gönderilemez.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Gönderme:&lt;/b&gt; &quot;Gönder…&quot; dosyayı denetler, gönderildi olarak işaretler ve temiz kopyasını seçtiğiniz yere
(USB bellek, ağ klasörü) yazar; hata varken gönderilmez. Göndermeden yazılan kopyanın adında -TASLAK olur.
Değişiklik gerekirse Dosya → &quot;Gönderimi geri al…&quot; ile gerekçe yazın. Strateji Geliştirme dosyayı notla geri
gönderirse gelen .geri.json dosyasını Dosya → &quot;Geri gönderme notunu aç…&quot; ile açın ya da pencereye bırakın.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Kısayollar:&lt;/b&gt; Ctrl+Z geri al · Ctrl+Y ya da Ctrl+Shift+Z yinele · Ctrl+F alan bul · Ctrl+O dosya aç · F1 yardım&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Faaliyet — department data entry&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;There is nothing to save.&lt;/b&gt; What you type is saved in the file when you leave a field or press
Enter; text fields also when you pause typing for a moment. The program asks nothing when it closes.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Numbers&lt;/b&gt; are written the Turkish way: comma for decimals, dot for thousands (150.000 is one hundred fifty
thousand; 1.234.567,89). A dot followed by other than three digits is read as a decimal point (12.5 = 12,5).
Under the field you see what the program read (= 150.000,00 TL); the value is saved when you leave the field. A value
that cannot be read is marked red, with the reason written in red under the field; it is never turned into another number.
What you typed is not lost either: it is kept in the file and shows red again when the file is reopened. Correct it or delete it;
the file cannot be submitted until you do.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Dates&lt;/b&gt; day.month.year: 31.12.2020.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Tables:&lt;/b&gt; Enter moves down, Tab right, the arrows between cells. Typing starts editing a cell.
Grey cells (totals, formulas) are computed. A block copied from Excel can be pasted with Ctrl+V;
the Turkish or English number format is recognised. Delete clears the selected cells.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Indicators:&lt;/b&gt; enter the actual value, its source and the explanation of the deviation from the target.
Explanations that are required are marked red.&lt;/li&gt;
&lt;li&gt;Click a line in the &lt;b&gt;Checks&lt;/b&gt; panel to go to the field. A file with errors cannot be submitted.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Sending:&lt;/b&gt; &quot;Send…&quot; checks the file, marks it as sent and writes its clean copy where you choose
(USB stick, network folder); it is not sent while errors remain. A copy written without sending has -TASLAK (draft) in its name.
If a change is needed, write a reason with File → &quot;Take the submission back…&quot;. If Strategy Development sends the file back
with a note, open the .geri.json file that arrives with File → &quot;Open return note…&quot; or drop it on the window.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Shortcuts:&lt;/b&gt; Ctrl+Z undo · Ctrl+Y or Ctrl+Shift+Z redo · Ctrl+F find field · Ctrl+O open file · F1 help&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Geçen yıl:&lt;/b&gt; dosya geçen yılın değerlerini taşıyorsa her alanın ve göstergenin yanında gri
&quot;Geçen yıl (…)&quot; satırı görünür; tablolarda hücrenin ipucunda yazar, tablonun üstündeki kutu işaretlenince
hücrelerde gri ikinci satır olarak görünür. Bu değerler değiştirilemez. Bir değer geçen yılınkinden çok farklıysa
(ör. on katı) yazım hatası olabileceği için uyarı verilir.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;&lt;b&gt;Last year:&lt;/b&gt; when the file holds last year&apos;s values, a grey &quot;Last year (…)&quot; line appears beside every field and indicator; in tables it is in the cell&apos;s tooltip, and when the box above the table is ticked it appears as a grey second line in the cells. These values cannot be changed. When a value is very different from last year&apos;s (e.g. ten times), a warning says it may be a typing error.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Faaliyet — Yardım</source>
        <translation>Faaliyet — Help</translation>
    </message>
    <message>
        <source>Birim kılavuzu</source>
        <translation>Department guide</translation>
    </message>
    <message>
        <source>Strateji Geliştirme kılavuzu</source>
        <translation>Strategy unit guide</translation>
    </message>
    <message>
        <source>◀ Geri</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Birim raporu — {0}</source>
        <translation>Department report — {0}</translation>
    </message>
    <message>
        <source>Faaliyet — beklenmeyen hata</source>
        <translation>Faaliyet — unexpected error</translation>
    </message>
    <message>
        <source>Beklenmeyen bir hata oluştu; son işlem tamamlanmamış olabilir.</source>
        <translation>An unexpected error occurred; the last action may not have been completed.</translation>
    </message>
    <message>
        <source>Ne oldu: {0}

Kaydedilmiş değerleriniz dosyanızda duruyor. Ayrıntılar günlük dosyasına yazıldı:
{1}

Destek için &quot;Ayrıntıları kopyala&quot; düğmesine basın ve metni bilgi işlem birimine e-postayla gönderin.</source>
        <translation>What happened: {0}

Your saved values are in your file. The details were written to the log file:
{1}

For support, press &quot;Copy details&quot; and e-mail the text to the IT department.</translation>
    </message>
    <message>
        <source>Ayrıntıları kopyala</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Günlük klasörünü aç</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <source>Kopyalandı</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Faaliyet hakkında</source>
        <translation>About Faaliyet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Faaliyet {0}&lt;/b&gt;&lt;br&gt;Belediye faaliyet raporu hazırlama uygulaması.&lt;br&gt;MIT lisansı ile dağıtılır.</source>
        <translation>&lt;b&gt;Faaliyet {0}&lt;/b&gt;&lt;br&gt;Application for preparing a municipality&apos;s annual activity report.&lt;br&gt;Distributed under the MIT licence.</translation>
    </message>
    <message>
        <source>Günlük dosyası: {0}</source>
        <translation>Log file: {0}</translation>
    </message>
    <message>
        <source>Lisans</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Üçüncü taraf bildirimleri paketle birlikte gelir (THIRD-PARTY-NOTICES.txt); kaynak kurulumda &apos;uv run python packaging/notices.py&apos; ile üretilir.</source>
        <translation>The third-party notices come with the bundle (THIRD-PARTY-NOTICES.txt); in a source install they are made with &apos;uv run python packaging/notices.py&apos;.</translation>
    </message>
    <message>
        <source>Üçüncü taraf bildirimleri</source>
        <translation>Third-party notices</translation>
    </message>
    <message>
        <source>Qt hakkında</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>… devamı “Ayrıntıları Göster” ile.</source>
        <translation>… the rest under “Show Details”.</translation>
    </message>
</context>
</TS>
