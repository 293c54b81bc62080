/// The format of the municipality list the administrator imports, as a sample: the region
/// Haaglanden. The same text is `Samples/municipalities.csv` in the repository (a test keeps them equal).
enum MunicipalitySample {
    static let csv = """
        cbsCode,name,region
        GM0518,'s-Gravenhage,Haaglanden
        GM0503,Delft,Haaglanden
        GM1916,Leidschendam-Voorburg,Haaglanden
        GM1842,Midden-Delfland,Haaglanden
        GM1926,Pijnacker-Nootdorp,Haaglanden
        GM0603,Rijswijk,Haaglanden
        GM0629,Wassenaar,Haaglanden
        GM1783,Westland,Haaglanden
        GM0637,Zoetermeer,Haaglanden
        """
}
