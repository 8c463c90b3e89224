def main():
    print("sales report")
