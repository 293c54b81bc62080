print("koers")
