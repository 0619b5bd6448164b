<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="tr_TR">
<context>
    <name />
    <message>
        <source>Salt okunur: {0} Değişiklik yapmak için dosyayı bu bilgisayara kopyalayıp kopyayı açın.</source>
        <translation>Read-only: {0} To make changes, copy the file to this computer and open the copy.</translation>
    </message>
    <message>
        <source>Yerel diske kopyala ve aç…</source>
        <translation>Copy to local disk and open…</translation>
    </message>
    <message>
        <source>'{0}' değiştirildi</source>
        <translation>'{0}' changed</translation>
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
        <source>Paragrafları boş satırla ayırın; madde işaretli satırları "- " ile başlatın.</source>
        <translation>Separate paragraphs with an empty line; start bullet lines with "- ".</translation>
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
        <source>Rakamın alındığı defter, sistem ya da belge (ör. Olay kayıt defteri 2020)</source>
        <translation>Register, system or document the figure comes from (e.g. Incident log 2020)</translation>
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
        <source>Gerçekleşme oranı: &lt;b&gt;{0}&lt;/b&gt;  &lt;span style='color:#555'&gt;({1})&lt;/span&gt;</source>
        <translation>Realization rate: &lt;b&gt;{0}&lt;/b&gt;  &lt;span style='color:#555'&gt;({1})&lt;/span&gt;</translation>
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
        <source>ör. Yangın tatbikatı, Mart 2020</source>
        <translation>e.g. Fire drill, March 2020</translation>
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
        <source>Henüz fotoğraf yok. "Fotoğraf ekle…" ile ekleyin.</source>
        <translation>No photos yet. Add some with "Add photos…".</translation>
    </message>
    <message>
        <source>Fotoğraf seçin</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>Resimler (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>'{0}' okunamadı ({1}).</source>
        <translation>'{0}' could not be read ({1}).</translation>
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
        <source>Gri hücreler hesaplanır. Enter: aşağı, Tab: sağa; Excel'den kopyaladığınız bloğu Ctrl+V ile yapıştırabilirsiniz.</source>
        <translation>Grey cells are computed. Enter: down, Tab: right; a block copied from Excel can be pasted with Ctrl+V.</translation>
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
        <translation>Type part of the field's name and press Enter to go there:</translation>
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
        <source>✓ Hata yok; dosya gönderilebilir.</source>
        <translation>✓ No errors; the file can be submitted.</translation>
    </message>
    <message>
        <source>{0} uyarı: bakmanız önerilir, göndermeyi engellemez.</source>
        <translation>{0} warnings: worth a look, they do not block submitting.</translation>
    </message>
    <message>
        <source>Plan (Strateji Geliştirme düzeltir): {0}</source>
        <translation>Plan (the strategy unit fixes this): {0}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Faaliyet — birim veri girişi&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Kaydetmek gerekmez.&lt;/b&gt; Bir alandan çıktığınızda ya da Enter'a bastığınızda yazdığınız değer
dosyaya kaydedilir; metin alanları yazmaya kısa bir ara verdiğinizde de. Program kapanırken bir şey sormaz.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Sayılar&lt;/b&gt; Türkçe yazılır: binlik ayırıcı nokta, ondalık ayırıcı virgül (1.234,56). Okunamayan bir
değer kırmızı işaretlenir, nedeni alanın altında ve durum çubuğunda yazar; başka bir sayıya dönüştürülmez.
Yazdığınız kaybolmaz da: dosyada saklanır, dosya yeniden açılınca yine kırmızı görünür. Düzeltin ya da silin;
düzeltilmeden dosya gönderilemez.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Tarihler&lt;/b&gt; gün.ay.yıl: 31.12.2020.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Tablolar:&lt;/b&gt; Enter aşağı, Tab sağa, oklar hücreler arasında gezer. Yazmaya başlayınca hücre düzenlenir.
Gri hücreler (toplamlar, formüller) hesaplanır. Excel'den kopyaladığınız bir bloğu Ctrl+V ile yapıştırabilirsiniz;
Türkçe ya da İngilizce sayı biçimi kendiliğinden tanınır. Delete seçili hücreleri siler.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Göstergeler:&lt;/b&gt; gerçekleşen değeri, kaynağını ve hedeften sapmanın açıklamasını girin. Açıklaması
zorunlu olanlar kırmızı işaretlenir.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Denetim&lt;/b&gt; panelindeki bir satıra tıklayınca ilgili alana gidilir. Hatalar düzeltilmeden dosya gönderilemez.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Gönderme:&lt;/b&gt; önce "Gönderildi olarak işaretle", sonra "Gönderilecek kopya" ile dosyanın temiz bir
kopyasını USB belleğe ya da ağ klasörüne yazın.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Kısayollar:&lt;/b&gt; Ctrl+Z geri al · Ctrl+Y ya da Ctrl+Shift+Z yinele · Ctrl+F alan bul · Ctrl+O dosya aç · F1 yardım&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Faaliyet — department data entry&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;There is nothing to save.&lt;/b&gt; What you type is saved in the file when you leave a field or press
Enter; text fields also when you pause typing for a moment. The program asks nothing when it closes.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Numbers&lt;/b&gt; are written the Turkish way: dot for thousands, comma for decimals (1.234,56). A value
that cannot be read is marked red, with the reason under the field and in the status bar; it is never turned into another number.
What you typed is not lost either: it is kept in the file and shows red again when the file is reopened. Correct it or delete it;
the file cannot be submitted until you do.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Dates&lt;/b&gt; day.month.year: 31.12.2020.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Tables:&lt;/b&gt; Enter moves down, Tab right, the arrows between cells. Typing starts editing a cell.
Grey cells (totals, formulas) are computed. A block copied from Excel can be pasted with Ctrl+V;
the Turkish or English number format is recognised. Delete clears the selected cells.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Indicators:&lt;/b&gt; enter the actual value, its source and the explanation of the deviation from the target.
Explanations that are required are marked red.&lt;/li&gt;
&lt;li&gt;Click a line in the &lt;b&gt;Checks&lt;/b&gt; panel to go to the field. A file with errors cannot be submitted.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Sending:&lt;/b&gt; first "Mark as submitted", then "Copy to send" to write a clean copy of the file to a
USB stick or a network folder.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Shortcuts:&lt;/b&gt; Ctrl+Z undo · Ctrl+Y or Ctrl+Shift+Z redo · Ctrl+F find field · Ctrl+O open file · F1 help&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Faaliyet dosyası (*.faaliyet);;Tüm dosyalar (*)</source>
        <translation>Faaliyet file (*.faaliyet);;All files (*)</translation>
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
        <source>Gönderildi olarak işaretle…</source>
        <translation>Mark as submitted…</translation>
    </message>
    <message>
        <source>Dosyayı gönderildi olarak işaretle ve kilitle</source>
        <translation>Mark the file as submitted and lock it</translation>
    </message>
    <message>
        <source>Gönderilecek kopya…</source>
        <translation>Copy to send…</translation>
    </message>
    <message>
        <source>USB belleğe ya da ağ klasörüne gönderilecek temiz kopyayı yaz</source>
        <translation>Write the clean copy to send to a USB stick or network folder</translation>
    </message>
    <message>
        <source>Yardım</source>
        <translation>Help</translation>
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
        <source>'{0}' başka bir Faaliyet penceresinde açık ({1}). Aynı dosyayı iki pencerede düzenlemek değişikliklerin karışmasına yol açar.

Dosya bu pencerede salt okunur açılsın mı?</source>
        <translation>'{0}' is open in another Faaliyet window ({1}). Editing the same file in two windows mixes up the changes.

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
        <source>Kopya, dosyanın kendisinin üzerine yazılamaz; başka bir yer seçin.</source>
        <translation>The copy cannot overwrite the file itself; choose another place.</translation>
    </message>
    <message>
        <source>'{0}' yazılamadı ({1}).</source>
        <translation>'{0}' could not be written ({1}).</translation>
    </message>
    <message>
        <source>Dosya yerel diske kopyalandı ve açıldı: {0}</source>
        <translation>The file was copied to the local disk and opened: {0}</translation>
    </message>
    <message>
        <source>Gönderildi olarak işaretle</source>
        <translation>Mark as submitted</translation>
    </message>
    <message>
        <source>Gönderilecek kopya</source>
        <translation>Copy to send</translation>
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
        <source>Bu dosya {0} tarihinde {1} tarafından gönderildi olarak işaretlendi; düzenlemeye kapalıdır. Değişiklik gerekiyorsa Strateji Geliştirme dosyayı geri göndermelidir.</source>
        <translation>This file was marked as submitted on {0} by {1}; editing is closed. If a change is needed, the strategy unit must send the file back.</translation>
    </message>
    <message>
        <source>Gönderildi — kilitli</source>
        <translation>Submitted — locked</translation>
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
        <source>{0} uyarı</source>
        <translation>{0} warnings</translation>
    </message>
    <message>
        <source>Faaliyet Raporu — birim veri girişi</source>
        <translation>Activity Report — department data entry</translation>
    </message>
    <message>
        <source>Biriminizin yıllık faaliyet bilgilerini bu programla girersiniz. Her değişiklik yazdığınız anda dosyaya kaydedilir; ayrıca kaydetmeniz gerekmez.</source>
        <translation>With this program you enter your department's activities for the year. Every change is saved in the file as you type; there is nothing else to save.</translation>
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
        <source>Strateji Geliştirme'nin size verdiği ya da daha önce oluşturduğunuz .faaliyet dosyasını açın.</source>
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
        <translation>Choose your municipality's definition folder (tanim.yaml, plan.yaml and the birimler/ folder); the year's consolidated file is created from it and the departments' files are merged into it.</translation>
    </message>
    <message>
        <source>Yeni yıl…</source>
        <translation>New year…</translation>
    </message>
    <message>
        <source>Bir tanım klasörü seçin; yılın birleşik dosyası ondan oluşturulur</source>
        <translation>Choose a definition folder; the year's consolidated file is created from it</translation>
    </message>
    <message>
        <source>Seçili yıl için birleşik dosya…</source>
        <translation>Consolidated file for the selected year…</translation>
    </message>
    <message>
        <source>'{0}' klasörü bulunamadı (taşınmış ya da USB bellek takılı değil).</source>
        <translation>Folder '{0}' was not found (moved, or the USB stick is not plugged in).</translation>
    </message>
    <message>
        <source>'{0}' bir tanım klasörü değil: içinde tanim.yaml yok. tanim.yaml dosyasını içeren klasörü seçin (ör. forms/kars-2020).</source>
        <translation>'{0}' is not a definition folder: it has no tanim.yaml. Choose the folder that contains tanim.yaml (e.g. forms/kars-2020).</translation>
    </message>
    <message>
        <source>'{0}' klasöründeki tanım yüklenemedi. Şu sorunları düzeltip klasörü yeniden seçin:</source>
        <translation>The definition in '{0}' could not be loaded. Fix these problems and choose the folder again:</translation>
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
        <translation>Choose the year's definition folder</translation>
    </message>
    <message>
        <source>Tanım yüklenemedi</source>
        <translation>Definition could not be loaded</translation>
    </message>
    <message>
        <source>Birimlerden gelen dosyaların birleştirileceği, yılın tek dosyasını oluşturur</source>
        <translation>Creates the year's single file into which the departments' files are merged</translation>
    </message>
    <message>
        <source>Yardım için F1'e basın.</source>
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
        <source>tanım okunamadı</source>
        <translation>definition could not be read</translation>
    </message>
    <message>
        <source>… ve {0} hata daha.</source>
        <translation>… and {0} more errors.</translation>
    </message>
    <message>
        <source>Dosya gönderildi olarak işaretlenemedi: {0} hata düzeltilmeli.
Denetim panelinde hataya tıklayınca ilgili alana gidilir.

</source>
        <translation>The file could not be marked as submitted: {0} errors must be fixed.
Click an error in the Checks panel to go to the field.

</translation>
    </message>
    <message>
        <source>Dosya zaten kilitli ({0}).</source>
        <translation>The file is already locked ({0}).</translation>
    </message>
    <message>
        <source>Dosya "Gönderildi" olarak işaretlenecek ve düzenlemeye kapanacak. Değişiklik için Strateji Geliştirme'nin dosyayı geri göndermesi gerekir. Devam edilsin mi?</source>
        <translation>The file will be marked "Submitted" and closed for editing. To change it afterwards, the strategy unit must send it back. Continue?</translation>
    </message>
    <message>
        <source>Dosya gönderildi olarak işaretlendi ({0}, {1}). Şimdi "Gönderilecek kopya" ile gönderilecek dosyayı oluşturun.</source>
        <translation>The file was marked as submitted ({0}, {1}). Now create the file to send with "Copy to send".</translation>
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
        <translation>Check the departments' files and import them into the consolidated file</translation>
    </message>
    <message>
        <source>Raporu oluştur…</source>
        <translation>Build report…</translation>
    </message>
    <message>
        <source>Kurumun faaliyet raporunu PDF olarak oluştur</source>
        <translation>Build the institution's activity report as PDF</translation>
    </message>
    <message>
        <source>Excel'e aktar…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Performans tablosu ve bütün tablolar tek .xlsx dosyasına</source>
        <translation>Performance table and every table into one .xlsx file</translation>
    </message>
    <message>
        <source>Kapat</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>'{0}' bir birim dosyası; bu pencere birleşik yıl dosyası içindir.</source>
        <translation>'{0}' is a department file; this window is for the consolidated file of the year.</translation>
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
        <source>Notla geri gönder</source>
        <translation>Send back with a note</translation>
    </message>
    <message>
        <source>{0} birimi neyi düzeltmeli? (Not birime iletilir.)</source>
        <translation>What should {0} correct? (The note is passed on to the department.)</translation>
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
        <source>Çakışmalar için karar verilmedi; birleşik dosya değiştirilmedi.</source>
        <translation>No decision on the conflicts; the consolidated file was not changed.</translation>
    </message>
    <message>
        <source>Aktarılacak .faaliyet dosyası bulunamadı.</source>
        <translation>No .faaliyet file to import was found.</translation>
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
        <translation>{0} file(s) were refused as older than the file already imported. Import them anyway? (That department's data in the consolidated file is replaced by the older file's.)</translation>
    </message>
    <message>
        <source>Beyanları imzalayanlar (Ekler)</source>
        <translation>Signers of the declarations (Annexes)</translation>
    </message>
    <message>
        <source>İmzalayan tanımlanmamış; beyanlarda ad yerine noktalı boşluk basılır.</source>
        <translation>No signer is set; the declarations print a dotted line instead of a name.</translation>
    </message>
    <message>
        <source>Güvenilmeyen zamanlar</source>
        <translation>Untrusted times</translation>
    </message>
    <message>
        <source>{0} dosyada gelecekte ya da yılın başından önce görünen değişiklik zamanları var; gönderen bilgisayarın saati yanlış olabilir ya da dosya Faaliyet dışında değiştirilmiş olabilir. Gönderenle konuştuysanız ve zamanlar dışında dosya doğruysa yine de aktarılsın mı?</source>
        <translation>{0} file(s) hold change times in the future or before the start of the year; the sending PC's clock may be wrong, or the file was changed outside Faaliyet. If you have spoken with the sender and the file is right apart from its times, import it anyway?</translation>
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
        <source>Excel'e aktarılamadı</source>
        <translation>Could not export to Excel</translation>
    </message>
    <message>
        <source>Excel dosyası yazıldı: {0}</source>
        <translation>Excel file written: {0}</translation>
    </message>
    <message>
        <source>Kopya yazılamadı ({0}). Hedef diskin takılı ve yazılabilir olduğunu kontrol edin.</source>
        <translation>The copy could not be written ({0}). Check that the target disk is plugged in and writable.</translation>
    </message>
    <message>
        <source>Not: dosya henüz "Gönderildi" olarak işaretlenmedi.</source>
        <translation>Note: the file has not been marked "Submitted" yet.</translation>
    </message>
    <message>
        <source>Gönderilecek kopya yazıldı ve denetlendi:
{0}</source>
        <translation>The copy to send was written and checked:
{0}</translation>
    </message>
    <message>
        <source>Eksik — dosyası gelmedi</source>
        <translation>Missing — no file received</translation>
    </message>
    <message>
        <source>Taslak</source>
        <translation>Draft</translation>
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
        <translation>Drag the departments' .faaliyet files (or the folder holding them) onto this window: every file is checked before anything is written, the same file is never imported twice, and conflicting values are put to you.</translation>
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
        <translation>Build and show the selected department's report as PDF</translation>
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
        <source>Alan</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Birleşik dosyada</source>
        <translation>In the consolidated file</translation>
    </message>
    <message>
        <source>Değiştiren (birleşik)</source>
        <translation>Changed by (consolidated)</translation>
    </message>
    <message>
        <source>Son aktarımda</source>
        <translation>At the last import</translation>
    </message>
    <message>
        <source>Gelen dosyada</source>
        <translation>In the incoming file</translation>
    </message>
    <message>
        <source>Değiştiren (gelen)</source>
        <translation>Changed by (incoming)</translation>
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
        <source>Yazdır…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Sistemde aç</source>
        <translation>Open in system viewer</translation>
    </message>
    <message>
        <source>PDF'yi bilgisayarın PDF görüntüleyicisinde aç</source>
        <translation>Open the PDF in the computer's PDF viewer</translation>
    </message>
    <message>
        <source>Bu kurulumda PDF'yi pencerede gösterecek bileşen (pypdfium2) yok. "Sistemde aç" ile bilgisayarın PDF görüntüleyicisinde açın.</source>
        <translation>This installation lacks the component (pypdfium2) that shows the PDF in the window. Use "Open in system viewer" to open it in the computer's PDF viewer.</translation>
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
        <source>Aktaran</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>Dosya</source>
        <translation>File</translation>
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
        <source>Çakışma kararları</source>
        <translation>Conflict decisions</translation>
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
        <source>{0} birleşikteki, {1} gelen</source>
        <translation>{0} consolidated, {1} incoming</translation>
    </message>
    <message>
        <source>Dosya özeti (SHA-256): {0}
İçerik özeti: {1}</source>
        <translation>File hash (SHA-256): {0}
Content hash: {1}</translation>
    </message>
    <message>
        <source>{0} aktarım kaydı (en yenisi üstte). Her aktarılan dosya adı, özeti, gönderen, gönderilme ve aktarılma zamanı, aktaran ve değişenlerle kaydedilir.</source>
        <translation>{0} import records (newest first). Every imported file is recorded with its name, hash, sender, submission and import time, who imported it and what changed.</translation>
    </message>
    <message>
        <source>Raporda basılmaz: yılın ayarlarıdır.</source>
        <translation>Not printed in the report: these are the year's settings.</translation>
    </message>
    <message>
        <source>tanımdaki değer: {0}</source>
        <translation>definition's value: {0}</translation>
    </message>
    <message>
        <source>tanımda yok</source>
        <translation>not in the definition</translation>
    </message>
    <message>
        <source>Boş: tanımdaki değer geçerli ({0}).</source>
        <translation>Empty: the definition's value applies ({0}).</translation>
    </message>
    <message>
        <source>tanımdaki: {0}</source>
        <translation>definition: {0}</translation>
    </message>
    <message>
        <source>Bu ayarlar yılın form tanımından gelir; bu tanımda yıl ayarları bölümü olmadığı için burada değiştirilemez. Değiştirmek için tanım klasöründeki tanim.yaml dosyasının 'year' bölümü güncellenmelidir.</source>
        <translation>These settings come from the year's form definition; this definition has no year-settings section, so they cannot be changed here. To change them, update the 'year' section of tanim.yaml in the definition folder.</translation>
    </message>
</context>
</TS>
