/// Name pools for the demo population, by nationality (ISO 3166-1 alpha-3).
/// Ordinary names as they appear in Dutch registrations, romanised; the variants are
/// alternative transliterations of the same name, used to make realistic spelling noise.
struct DemoNamePool: Sendable {
    let male: [String]
    let female: [String]
    let surnames: [String]
    let variants: [(String, String)]
}

enum DemoNames {
    static let pools: [String: DemoNamePool] = [
        "ERI": DemoNamePool(
            male: [
                "Yohannes", "Tesfaye", "Mehari", "Habtom", "Kidane", "Berhane", "Samuel", "Daniel", "Filmon", "Yonas",
                "Tekle", "Amanuel", "Merhawi", "Biniam", "Semere", "Efrem", "Robel",
            ],
            female: [
                "Senait", "Helen", "Selam", "Rahel", "Saba", "Lidia", "Mebrat", "Tsega", "Hiwet", "Feven", "Luwam",
                "Winta", "Yordanos", "Almaz", "Freweini", "Eden",
            ],
            surnames: [
                "Tesfamariam", "Ghebremedhin", "Haile", "Tekle", "Berhe", "Woldu", "Kahsay", "Gebreyesus", "Habte",
                "Andemariam", "Tewelde", "Asmerom", "Ghebreab", "Mehari", "Zerai", "Okbay", "Negash", "Fitsum",
                "Yemane", "Kidane", "Weldemichael",
            ],
            variants: [
                ("Yohannes", "Yohanes"), ("Tesfamariam", "Tesfamaryam"), ("Ghebremedhin", "Gebremedhin"),
                ("Woldu", "Weldu"), ("Habtom", "Habtum"), ("Ghebreab", "Gebreab"), ("Tewelde", "Tewolde"),
                ("Weldemichael", "Woldemichael"), ("Kahsay", "Kahsai"), ("Haile", "Hayle"), ("Filmon", "Filimon"),
            ]
        ),
        "AFG": DemoNamePool(
            male: [
                "Mohammad", "Ahmad", "Ali", "Hamid", "Abdullah", "Mustafa", "Sayed", "Rahmatullah", "Najibullah",
                "Farid", "Jawad", "Mahmood", "Hussain", "Shafiq", "Zabihullah", "Omid", "Nasir",
            ],
            female: [
                "Fatima", "Zahra", "Maryam", "Farzana", "Nilofar", "Khadija", "Parwana", "Shabnam", "Roya", "Mursal",
                "Sadia", "Nargis", "Laila", "Freshta", "Masooda", "Sima",
            ],
            surnames: [
                "Ahmadi", "Hakimi", "Rahimi", "Sultani", "Hashimi", "Karimi", "Noori", "Popal", "Stanikzai", "Ahmadzai",
                "Safi", "Sharifi", "Mohammadi", "Rezaei", "Haidari", "Amiri", "Yousufzai", "Jalali", "Wardak",
                "Hussaini", "Nazari",
            ],
            variants: [
                ("Mohammad", "Muhammad"), ("Mahmood", "Mahmud"), ("Yousufzai", "Yusufzai"), ("Noori", "Nuri"),
                ("Hashimi", "Hashemi"), ("Najibullah", "Najib Ullah"), ("Rahmatullah", "Rahmat Ullah"),
                ("Haidari", "Haydari"), ("Maryam", "Mariam"), ("Freshta", "Fereshta"), ("Hussain", "Husain"),
            ]
        ),
        "IRN": DemoNamePool(
            male: [
                "Mohammad", "Ali", "Hossein", "Reza", "Mehdi", "Amir", "Hamid", "Saeed", "Majid", "Behnam", "Arash",
                "Dariush", "Kourosh", "Farhad", "Babak", "Navid", "Omid",
            ],
            female: [
                "Fatemeh", "Zahra", "Maryam", "Leila", "Shirin", "Nasrin", "Parisa", "Mahsa", "Sara", "Neda", "Azadeh",
                "Roya", "Shiva", "Elham", "Niloufar", "Golnaz",
            ],
            surnames: [
                "Hosseini", "Mohammadi", "Rezaei", "Ahmadi", "Jafari", "Karimi", "Moradi", "Hashemi", "Mousavi",
                "Rahimi", "Ebrahimi", "Ghasemi", "Sadeghi", "Kazemi", "Najafi", "Heidari", "Rostami", "Tehrani",
                "Shirazi", "Ansari", "Farahani", "Akbari",
            ],
            variants: [
                ("Hossein", "Hussein"), ("Mohammad", "Mohammed"), ("Hosseini", "Husseini"), ("Rezaei", "Rezaie"),
                ("Mousavi", "Musavi"), ("Ghasemi", "Qasemi"), ("Fatemeh", "Fatima"), ("Saeed", "Said"),
                ("Niloufar", "Nilufar"), ("Kourosh", "Kurosh"), ("Heidari", "Haidari"), ("Ebrahimi", "Ibrahimi"),
            ]
        ),
        "SOM": DemoNamePool(
            male: [
                "Mohamed", "Abdi", "Ahmed", "Abdirahman", "Hassan", "Ali", "Omar", "Abdullahi", "Yusuf", "Ibrahim",
                "Mahad", "Abdiaziz", "Farah", "Hussein", "Liban", "Said",
            ],
            female: [
                "Fadumo", "Hodan", "Amina", "Sahra", "Halima", "Khadija", "Asha", "Hawa", "Ifrah", "Ayaan", "Hibo",
                "Nimco", "Sagal", "Ubah", "Muna", "Deeqa",
            ],
            surnames: [
                "Mohamed", "Ahmed", "Abdi", "Hassan", "Warsame", "Farah", "Ali", "Osman", "Jama", "Omar", "Yusuf",
                "Elmi", "Abdullahi", "Hersi", "Aden", "Nur", "Egal", "Dahir", "Ismail", "Guled", "Mohamud",
            ],
            variants: [
                ("Mohamed", "Maxamed"), ("Ahmed", "Axmed"), ("Abdirahman", "Cabdiraxmaan"), ("Abdi", "Cabdi"),
                ("Hussein", "Xuseen"), ("Fadumo", "Faadumo"), ("Osman", "Cusmaan"), ("Mohamud", "Maxamuud"),
                ("Aden", "Aadan"), ("Nur", "Nuur"), ("Warsame", "Warsama"), ("Yusuf", "Yuusuf"),
            ]
        ),
        "IRQ": DemoNamePool(
            male: [
                "Ahmed", "Ali", "Hussein", "Mohammed", "Haider", "Mustafa", "Abbas", "Karim", "Omar", "Saif", "Ammar",
                "Yasir", "Karwan", "Dler", "Rebwar", "Hawkar", "Zaid",
            ],
            female: [
                "Fatima", "Zainab", "Noor", "Maryam", "Huda", "Sara", "Shahad", "Rusul", "Ban", "Dunya", "Hana",
                "Shilan", "Avin", "Narin", "Lana", "Tara",
            ],
            surnames: [
                "Al-Hassan", "Al-Jubouri", "Al-Obeidi", "Al-Tamimi", "Al-Dulaimi", "Al-Saadi", "Al-Khafaji",
                "Al-Shammari", "Al-Bayati", "Al-Rubaie", "Mahmoud", "Abdullah", "Hussein", "Kareem", "Rashid", "Salih",
                "Othman", "Ahmed", "Qadir", "Aziz", "Hama",
            ],
            variants: [
                ("Al-Hassan", "El Hassan"), ("Mohammed", "Muhammad"), ("Al-Jubouri", "Al-Jaburi"),
                ("Al-Obeidi", "Al-Ubaidi"), ("Haider", "Hayder"), ("Hussein", "Husain"), ("Kareem", "Karim"),
                ("Al-Rubaie", "Al-Rubaiee"), ("Salih", "Saleh"), ("Qadir", "Kadir"), ("Yasir", "Yaser"),
                ("Al-Dulaimi", "Aldulaimi"),
            ]
        ),
        "SYR": DemoNamePool(
            male: [
                "Mohammad", "Ahmad", "Khaled", "Omar", "Mahmoud", "Abdulrahman", "Yousef", "Hasan", "Rami", "Fadi",
                "Samer", "Tarek", "Wael", "Ibrahim", "Majd", "Hamza", "Ammar",
            ],
            female: [
                "Fatima", "Rasha", "Rana", "Hiba", "Lina", "Nour", "Aya", "Doaa", "Raghad", "Yasmin", "Reem", "Amal",
                "Ghada", "Salma", "Rouaa", "Sawsan",
            ],
            surnames: [
                "Al-Ahmad", "Al-Hassan", "Al-Ali", "Al-Khatib", "Haddad", "Hamdan", "Al-Hamwi", "Darwish", "Kassem",
                "Al-Masri", "Al-Halabi", "Shami", "Khalil", "Najjar", "Sabbagh", "Al-Homsi", "Al-Zoubi", "Hassoun",
                "Mansour", "Ibrahim", "Kurdi", "Othman",
            ],
            variants: [
                ("Mohammad", "Muhammed"), ("Yousef", "Youssef"), ("Khaled", "Khalid"), ("Al-Zoubi", "Al-Zubi"),
                ("Kassem", "Qasem"), ("Tarek", "Tariq"), ("Hiba", "Heba"), ("Abdulrahman", "Abdul Rahman"),
                ("Al-Ahmad", "Alahmad"), ("Mahmoud", "Mahmud"), ("Nour", "Noor"), ("Al-Khatib", "El Khatib"),
            ]
        ),
        "ETH": DemoNamePool(
            male: [
                "Abebe", "Tesfaye", "Dawit", "Getachew", "Solomon", "Mulugeta", "Yonas", "Bekele", "Girma", "Tadesse",
                "Kebede", "Eyob", "Abdi", "Lemma", "Chala", "Gemechu", "Tamirat",
            ],
            female: [
                "Tigist", "Meron", "Hanna", "Selamawit", "Bethlehem", "Mahlet", "Aster", "Almaz", "Tsion", "Hiwot",
                "Genet", "Eden", "Meseret", "Yeshi", "Chaltu", "Lensa",
            ],
            surnames: [
                "Tesfaye", "Bekele", "Alemu", "Tadesse", "Kebede", "Girma", "Haile", "Mengistu", "Negash", "Assefa",
                "Desta", "Worku", "Abebe", "Gebre", "Demissie", "Wolde", "Mekonnen", "Tekle", "Gudeta", "Tolosa",
                "Ayele",
            ],
            variants: []
        ),
        "SDN": DemoNamePool(
            male: [
                "Mohamed", "Ahmed", "Osman", "Abdelrahman", "Omer", "Hassan", "Babiker", "Elsadig", "Khalid", "Mohanad",
                "Musab", "Mujahid", "Adam", "Ibrahim", "Abdalla", "Yassir", "Elfatih",
            ],
            female: [
                "Fatima", "Amna", "Sara", "Hawa", "Mariam", "Samah", "Hadeel", "Rayan", "Tasneem", "Alawia", "Nafisa",
                "Safa", "Marwa", "Zainab", "Hiba", "Ikhlas",
            ],
            surnames: [
                "Elamin", "Abdalla", "Osman", "Babiker", "Ibrahim", "Elhassan", "Mustafa", "Adam", "Yousif", "Elbashir",
                "Hamid", "Ali", "Mahmoud", "Elnour", "Suleiman", "Ishag", "Abakar", "Haroun", "Eltayeb", "Abdelgadir",
                "Elsheikh",
            ],
            variants: [
                ("Mohamed", "Muhammad"), ("Omer", "Omar"), ("Yousif", "Yousef"), ("Abdalla", "Abdullah"),
                ("Elhassan", "El Hassan"), ("Elamin", "Al-Amin"), ("Abdelgadir", "Abdelqadir"), ("Ishag", "Ishaq"),
                ("Suleiman", "Sulayman"), ("Eltayeb", "El Tayeb"), ("Elsadig", "Elsadiq"),
                ("Abdelrahman", "Abdel Rahman"),
            ]
        ),
        "NGA": DemoNamePool(
            male: [
                "Chinedu", "Emeka", "Oluwaseun", "Babatunde", "Ibrahim", "Musa", "Abubakar", "Chukwuemeka", "Obinna",
                "Olumide", "Segun", "Femi", "Samuel", "Daniel", "Uchenna", "Kelechi", "Yusuf",
            ],
            female: [
                "Chioma", "Ngozi", "Adaeze", "Folake", "Funmilayo", "Blessing", "Precious", "Aisha", "Hauwa", "Amaka",
                "Yetunde", "Bukola", "Esther", "Grace", "Ifeoma", "Nneka",
            ],
            surnames: [
                "Okafor", "Okonkwo", "Adeyemi", "Ogunleye", "Bello", "Abdullahi", "Eze", "Nwosu", "Olawale", "Adebayo",
                "Ibrahim", "Obi", "Chukwu", "Ogbonna", "Balogun", "Okoro", "Usman", "Osagie", "Igwe", "Afolabi",
                "Akinola",
            ],
            variants: []
        ),
        "GIN": DemoNamePool(
            male: [
                "Mamadou", "Alpha", "Ibrahima", "Ousmane", "Abdoulaye", "Amadou", "Sekou", "Mohamed", "Boubacar",
                "Thierno", "Souleymane", "Lamine", "Moussa", "Alseny", "Oumar", "Mamady",
            ],
            female: [
                "Fatoumata", "Mariama", "Aissatou", "Kadiatou", "Hawa", "Aminata", "Fanta", "Djenabou", "Hadja",
                "Oumou", "Nanfadima", "Ramatoulaye", "Mabinty", "Safiatou", "Binta", "M'Balia",
            ],
            surnames: [
                "Diallo", "Barry", "Bah", "Sow", "Camara", "Condé", "Keita", "Touré", "Sylla", "Soumah", "Cissé",
                "Kouyaté", "Kaba", "Baldé", "Traoré", "Bangoura", "Kourouma", "Fofana", "Doumbouya", "Konaté",
                "Diakité",
            ],
            variants: []
        ),
        "MAR": DemoNamePool(
            male: [
                "Mohamed", "Youssef", "Ahmed", "Hamza", "Mehdi", "Said", "Rachid", "Karim", "Khalid", "Abdelkader",
                "Mustapha", "Nordin", "Bilal", "Soufiane", "Ayoub", "Hicham", "Anouar",
            ],
            female: [
                "Fatima", "Khadija", "Naima", "Samira", "Nadia", "Malika", "Latifa", "Meryem", "Salma", "Hafsa",
                "Imane", "Loubna", "Zineb", "Houda", "Siham", "Najat",
            ],
            surnames: [
                "El Amrani", "Benali", "El Idrissi", "Bouzid", "El Khattabi", "Ait Ahmed", "Ouali", "Chaoui", "Tahiri",
                "El Ouardi", "Azzouzi", "Bennani", "Alaoui", "Ziani", "Benhaddou", "Lahlou", "Berrada", "Benjelloun",
                "El Fassi", "Chakir", "El Mansouri", "Bouhlal",
            ],
            variants: []
        ),
        "DZA": DemoNamePool(
            male: [
                "Mohamed", "Ahmed", "Yacine", "Karim", "Sofiane", "Amine", "Riad", "Bilal", "Abdelkader", "Nabil",
                "Mourad", "Kamel", "Walid", "Farid", "Hakim", "Redouane", "Lotfi",
            ],
            female: [
                "Amina", "Fatima", "Nadia", "Samia", "Yasmina", "Lamia", "Sonia", "Meriem", "Nesrine", "Kahina",
                "Souad", "Lila", "Houria", "Imene", "Dalila", "Sabrina",
            ],
            surnames: [
                "Benali", "Boudiaf", "Bouzid", "Belkacem", "Haddad", "Meziane", "Saidi", "Hamidi", "Cherif", "Mansouri",
                "Brahimi", "Benaissa", "Khelifi", "Ait Ahmed", "Ouali", "Zeroual", "Bensalah", "Amrouche", "Toumi",
                "Benyahia", "Larbi",
            ],
            variants: []
        ),
        "GEO": DemoNamePool(
            male: [
                "Giorgi", "Davit", "Levan", "Irakli", "Nikoloz", "Zurab", "Giga", "Luka", "Mikheil", "Aleksandre",
                "Tamaz", "Vakhtang", "Gela", "Lasha", "Beka", "Shota", "Otar",
            ],
            female: [
                "Nino", "Mariam", "Tamar", "Ketevan", "Natia", "Ana", "Salome", "Eka", "Nana", "Maia", "Tamuna", "Lela",
                "Manana", "Sopho", "Khatuna", "Elene",
            ],
            surnames: [
                "Beridze", "Kapanadze", "Gelashvili", "Maisuradze", "Giorgadze", "Lomidze", "Tsiklauri", "Bolkvadze",
                "Kvaratskhelia", "Nozadze", "Chikovani", "Abashidze", "Japaridze", "Khutsishvili", "Mchedlishvili",
                "Tabatadze", "Gogoladze", "Jorbenadze", "Dolidze", "Kiknadze", "Mikadze",
            ],
            variants: []
        ),
        "TUR": DemoNamePool(
            male: [
                "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre", "Burak", "Yusuf",
                "Ömer", "Serkan", "Kemal", "Osman", "Fatih", "Baran",
            ],
            female: [
                "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Özlem", "Esra", "Sevgi", "Gül",
                "Derya",
                "Büşra", "Leyla", "Songül", "Rojda",
            ],
            surnames: [
                "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
                "Özdemir",
                "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek",
                "Polat",
            ],
            variants: []
        ),
        "PAK": DemoNamePool(
            male: [
                "Muhammad", "Ali", "Ahmed", "Usman", "Bilal", "Imran", "Asif", "Kamran", "Faisal", "Zeeshan", "Hamza",
                "Waqas", "Adnan", "Shahid", "Tariq", "Naveed", "Irfan",
            ],
            female: [
                "Ayesha", "Fatima", "Sana", "Hina", "Saima", "Nadia", "Rabia", "Amna", "Mehwish", "Zainab", "Sadia",
                "Iqra", "Kiran", "Nazia", "Shazia", "Bushra",
            ],
            surnames: [
                "Khan", "Ahmed", "Ali", "Hussain", "Shah", "Malik", "Butt", "Chaudhry", "Qureshi", "Raza", "Iqbal",
                "Akhtar", "Sheikh", "Mirza", "Abbasi", "Rana", "Baig", "Siddiqui", "Awan", "Javed", "Aslam",
            ],
            variants: []
        ),
        "YEM": DemoNamePool(
            male: [
                "Mohammed", "Ahmed", "Ali", "Abdullah", "Saleh", "Abdulrahman", "Khaled", "Nabil", "Fuad", "Hamoud",
                "Yahya", "Adel", "Amin", "Hussein", "Waleed", "Abdulkarim", "Mansour",
            ],
            female: [
                "Fatima", "Amal", "Samira", "Nadia", "Huda", "Afrah", "Arwa", "Bushra", "Entisar", "Khadija", "Maryam",
                "Sumaya", "Rehab", "Wafa", "Najla", "Hanan",
            ],
            surnames: [
                "Al-Hadrami", "Al-Ahmadi", "Saleh", "Al-Yamani", "Al-Sanani", "Al-Maqtari", "Al-Absi", "Al-Hashedi",
                "Al-Awlaki", "Al-Eryani", "Al-Shaibani", "Al-Qadhi", "Al-Haddad", "Al-Zubairi", "Al-Adeni", "Bawazir",
                "Al-Kathiri", "Al-Aghbari", "Numan", "Ghaleb", "Al-Sharabi",
            ],
            variants: []
        ),
        "LBY": DemoNamePool(
            male: [
                "Mohamed", "Ahmed", "Ali", "Abdelsalam", "Mustafa", "Omar", "Khaled", "Salem", "Faraj", "Abdulhakim",
                "Walid", "Osama", "Tarek", "Nouri", "Abdullah", "Hamza", "Anas",
            ],
            female: [
                "Fatma", "Aisha", "Mabrouka", "Salma", "Amal", "Hanan", "Asma", "Najwa", "Samira", "Rania", "Huda",
                "Fawzia", "Zahra", "Maryam", "Eman", "Khadija",
            ],
            surnames: [
                "Al-Warfalli", "Al-Misrati", "Al-Zawi", "Al-Obeidi", "Al-Fitouri", "Al-Senussi", "Al-Tarhouni",
                "Al-Barasi", "Ben Hamed", "Ben Omran", "Elmabrouk", "Al-Ghariani", "Al-Mahdi", "Elhouni", "Al-Sharif",
                "Ben Saad", "Al-Kikli", "Ben Musa", "Al-Tajouri", "Al-Amari", "Al-Naas",
            ],
            variants: []
        ),
        "CMR": DemoNamePool(
            male: [
                "Jean", "Paul", "Emmanuel", "Joseph", "Serge", "Hervé", "Franck", "Christian", "Boris", "Ibrahim",
                "Aboubakar", "Hamadou", "Samuel", "Blaise", "Arnaud", "Yannick", "Stéphane",
            ],
            female: [
                "Marie", "Brigitte", "Christelle", "Sandrine", "Josiane", "Mireille", "Esther", "Laure", "Aïssatou",
                "Hadjara", "Grâce", "Nadège", "Carine", "Vanessa", "Prisca", "Pauline",
            ],
            surnames: [
                "Mbarga", "Nkoulou", "Fotso", "Ngono", "Essomba", "Kamga", "Tchakounte", "Nana", "Atangana", "Owona",
                "Manga", "Nguema", "Djoumessi", "Kengne", "Ndjock", "Tamo", "Wandji", "Ewane", "Ekotto", "Abena",
                "Moukoko",
            ],
            variants: []
        ),
        "SLE": DemoNamePool(
            male: [
                "Mohamed", "Ibrahim", "Abdul", "Alhaji", "Foday", "Sahr", "Tamba", "Sorie", "Mustapha", "Emmanuel",
                "Joseph", "Augustine", "Alusine", "Osman", "Abu", "Sheku", "Musa",
            ],
            female: [
                "Fatmata", "Aminata", "Isatu", "Mariama", "Kadiatu", "Hawa", "Memunatu", "Christiana", "Adama",
                "Mabinty", "Zainab", "Jeneba", "Marie", "Finda", "Kumba", "Salamatu",
            ],
            surnames: [
                "Kamara", "Sesay", "Koroma", "Bangura", "Conteh", "Turay", "Kargbo", "Mansaray", "Jalloh", "Kanu",
                "Fofanah", "Bah", "Sankoh", "Kallon", "Massaquoi", "Lahai", "Tarawalie", "Bundu", "Jusu", "Samura",
                "Fornah",
            ],
            variants: []
        ),
        "MNG": DemoNamePool(
            male: [
                "Bat-Erdene", "Ganbaatar", "Batbayar", "Enkhbayar", "Tumur", "Bold", "Erdenebat", "Gantulga",
                "Munkhbat", "Temuulen", "Bilguun", "Tuvshin", "Otgonbayar", "Batsaikhan", "Sukhbaatar", "Naranbaatar",
                "Dorj",
            ],
            female: [
                "Oyuntsetseg", "Enkhtuya", "Altantsetseg", "Sarnai", "Nomin", "Bolormaa", "Tsetsegmaa", "Solongo",
                "Narantsetseg", "Uyanga", "Khulan", "Ariunaa", "Munkhzul", "Delgermaa", "Gerelmaa", "Oyunchimeg",
            ],
            surnames: [
                "Batbayar", "Ganbold", "Enkhbold", "Tserendorj", "Dorjsuren", "Baatar", "Purevdorj", "Gantumur",
                "Sukhbaatar", "Lkhagvasuren", "Nyamdorj", "Erdenebileg", "Batsukh", "Damdin", "Otgonbaatar",
                "Bayarsaikhan", "Munkhbayar", "Altankhuyag", "Davaasuren", "Chuluun",
            ],
            variants: []
        ),
    ]
}
